package latticeq.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone (a front end killed with -9 would
 * otherwise leave a 300 MB kernel behind): every few seconds, checks the process Jupyter names in
 * JPY_PARENT_PID, or else this process's parent.
 */
final class ParentWatch {
    static final long PERIOD_MILLIS = 3000;

    private ParentWatch() {}

    static void start() {
        Optional<ProcessHandle> parent = parent();
        if (parent.isEmpty()) return;
        ProcessHandle p = parent.get();
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (!p.isAlive()) {
                    System.err.println("latticeq kernel: parent process " + p.pid() + " is gone, exiting");
                    ExitTrap.cellEnds();
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "latticeq-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<ProcessHandle> parent() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid != null && !pid.isBlank()) {
            try {
                return ProcessHandle.of(Long.parseLong(pid.trim()));
            } catch (NumberFormatException e) {
                // fall back to the parent process
            }
        }
        return ProcessHandle.current().parent();
    }
}
