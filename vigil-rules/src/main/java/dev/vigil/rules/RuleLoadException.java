package dev.vigil.rules;

/** A rule or framework file that cannot be used. The message names the file, the line when known, and what is wrong. */
public class RuleLoadException extends RuntimeException {
    public RuleLoadException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
