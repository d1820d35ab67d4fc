package dev.vigil.model.input;

/**
 * A file an input could not read. The rest of the scan goes on; the front end prints
 * {@link #message()} and decides the exit code ({@code --skip-bad-files}).
 *
 * @param line 1-based, or 0 when the problem has no line
 */
public record BadFile(String file, int line, String problem) {

    public static BadFile of(InputException e) {
        String prefix = e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": ";
        String msg = e.getMessage();
        return new BadFile(e.file(), e.line(), msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
    }

    /** One line: {@code file:line: problem}. */
    public String message() {
        return file + (line > 0 ? ":" + line : "") + ": " + problem;
    }
}
