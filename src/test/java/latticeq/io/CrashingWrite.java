package latticeq.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM that dies between writing and moving: {@code file|directory <target> <text>} writes the
 * text into the temporary (a file, or a file "data" in the temporary directory) and halts there,
 * as a killed process or a power loss would, before {@link AtomicFiles} renames it onto the target.
 */
public final class CrashingWrite {
    static final int EXIT = 3;

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        String text = args[2];
        if (args[0].equals("file")) {
            AtomicFiles.write(target, tmp -> {
                Files.writeString(tmp, text);
                Runtime.getRuntime().halt(EXIT);
                return null;
            });
        } else {
            AtomicFiles.writeDirectory(target, tmp -> {
                Files.writeString(tmp.resolve("data"), text);
                Runtime.getRuntime().halt(EXIT);
                return null;
            });
        }
        System.exit(0); // not reached: the write must not complete
    }
}
