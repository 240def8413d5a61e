package latticeq.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM (JShell's "direct" engine) and keeps the object each snippet
 * returned, so the kernel can hand the real object (a chart, a table) to a renderer instead of
 * the string JShell would make of it.
 */
final class ResultKeepingExecutionControl extends DirectExecutionControl {
    /** Returned to JShell as the snippet's value string; the object itself is kept here. */
    static final String VALUE_KEPT = "<latticeq value kept>";

    private Object lastValue;
    private boolean hasValue;

    /** The thread running a snippet's user code right now, or null: what an interrupt may stop. */
    private final java.util.concurrent.atomic.AtomicReference<Thread> userCodeThread = new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The snippet's loader also sees the jars %maven and %jars added; libraries that look up
        // services or drivers through the context class loader (ServiceLoader, JDBC) need it.
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        userCodeThread.set(thread);
        try {
            value = doitMethod.invoke(null);
        } finally {
            userCodeThread.set(null);
            thread.setContextClassLoader(previous);
        }
        synchronized (this) {
            lastValue = value;
            hasValue = true;
        }
        return VALUE_KEPT;
    }

    /**
     * Stops the snippet running now, if any, the way the jshell tool does (Thread.stop: it also
     * ends busy loops that never check for interruption). The ThreadDeath surfaces as the
     * snippet's exception, so the cell fails and the kernel lives on. Returns whether a snippet
     * was running.
     */
    @SuppressWarnings({"removal", "deprecation"})
    boolean stopUserCode() {
        // getAndSet: one stop per snippet. Jupyter may deliver SIGINT twice; a second stop landing
        // while the first ThreadDeath unwinds would kill the kernel's shell thread itself.
        Thread thread = userCodeThread.getAndSet(null);
        if (thread == null) {
            return false;
        }
        thread.stop();
        return true;
    }

    /** Forgets the last value (before a snippet runs, so a stale value is never shown). */
    synchronized void clearLastValue() {
        lastValue = null;
        hasValue = false;
    }

    synchronized boolean hasLastValue() {
        return hasValue;
    }

    synchronized Object lastValue() {
        return lastValue;
    }

    /** Hands one control to JShell: {@code JShell.builder().executionEngine(provider, Map.of())}. */
    static final class Provider implements ExecutionControlProvider {
        private final ResultKeepingExecutionControl control;

        Provider(ResultKeepingExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "latticeq-direct";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
