package dev.vigil.model.input;

/**
 * Input that cannot be read: the message is one line naming the file, the line when known, and
 * what is wrong, fit to print to a user as it is.
 */
public class InputException extends RuntimeException {
    private final String file;
    private final int line;

    public InputException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
