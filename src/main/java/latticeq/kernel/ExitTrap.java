package latticeq.kernel;

import java.security.Permission;
import java.util.concurrent.ForkJoinPool;

/**
 * Keeps a cell's {@code System.exit} from ending the kernel (IJava does the same): while a cell
 * runs, the exit is refused with a SecurityException that the cell reports as its error, and the
 * kernel, its variables and its class path survive. The only hook the JVM offers is a security
 * manager (deprecated since Java 17, still working there: the kernel's log shows the JDK's
 * warning once). This one refuses nothing else. Exits outside cells (the kernel's own shutdown)
 * pass.
 */
final class ExitTrap {
    private static volatile boolean cellRunning;

    private ExitTrap() {}

    @SuppressWarnings("removal")
    static void install() {
        // the common pool picks its thread factory when it is first used; with a security manager
        // present it would make permission-less, class-loader-less workers, so it is made before
        ForkJoinPool.commonPool();
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission perm) {
                refuseExitInCell(perm);
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
                refuseExitInCell(perm);
            }
        });
    }

    private static void refuseExitInCell(Permission perm) {
        if (cellRunning && perm instanceof RuntimePermission && perm.getName().startsWith("exitVM")) {
            String status = perm.getName().substring("exitVM".length()).replace(".", "");
            throw new SecurityException("System.exit(" + status + ") in a cell would stop the kernel and lose every variable:"
                    + " refused. Restart the kernel to start over.");
        }
    }

    /** Marks the span of one cell. */
    static void cellStarts() {
        cellRunning = true;
    }

    static void cellEnds() {
        cellRunning = false;
    }
}
