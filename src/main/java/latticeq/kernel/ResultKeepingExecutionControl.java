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

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        synchronized (this) {
            lastValue = value;
            hasValue = true;
        }
        return VALUE_KEPT;
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
