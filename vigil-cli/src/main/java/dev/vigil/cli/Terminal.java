package dev.vigil.cli;

import java.io.Console;

/** Whether standard output is a terminal (colour, progress) or a pipe or file (plain text). */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) return false;
        try {
            // JDK 22+ returns a console even when redirected; isTerminal() tells the truth there.
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
