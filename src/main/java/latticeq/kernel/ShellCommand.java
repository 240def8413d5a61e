package latticeq.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs %sh and %%bash: a script through {@code bash -c} in the kernel's working directory (the
 * notebook's folder), its output copied to the cell's stdout and stderr as it comes, its stdin
 * empty (a command that waits for input ends instead of hanging the cell). A non-zero exit status
 * fails the cell; a Jupyter interrupt kills the process.
 */
final class ShellCommand {
    private volatile Process running;

    /** Runs {@code script}; returns normally only on exit status 0. */
    void run(String script, Path workingDirectory, PrintStream out, PrintStream err) throws MagicException, InterruptedException {
        if (script.isBlank()) {
            throw new MagicException("no command given: need a shell command, e.g. %sh ls data/");
        }
        Process process;
        try {
            process = new ProcessBuilder(List.of("bash", "-c", script)).directory(workingDirectory.toFile()).start();
        } catch (IOException e) {
            throw new MagicException("cannot start bash: " + e.getMessage(), e);
        }
        running = process;
        try {
            process.getOutputStream().close();
            Thread stdout = copier(process.getInputStream(), out);
            Thread stderr = copier(process.getErrorStream(), err);
            int status = process.waitFor();
            stdout.join(TimeUnit.SECONDS.toMillis(5));
            stderr.join(TimeUnit.SECONDS.toMillis(5));
            out.flush();
            err.flush();
            if (status != 0) {
                throw new MagicException("the command exited with status " + status + (status > 128 ? " (killed by signal " + (status - 128) + ")" : ""));
            }
        } catch (IOException e) {
            throw new MagicException("cannot talk to bash: " + e.getMessage(), e);
        } finally {
            running = null;
            process.destroy();
        }
    }

    /** Kills the running command (Jupyter's interrupt); false when none runs. */
    boolean interrupt() {
        Process process = running;
        if (process == null) {
            return false;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        return true;
    }

    private static Thread copier(InputStream from, PrintStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = from.read(buffer)) > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the process ended or was killed: what it wrote so far has been copied
            }
        }, "latticeq-shell-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

}
