package dev.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the CLI in-process, with both streams captured. */
record CliRun(int exitCode, String out, String err) {

    static final Path EXAMPLE = Path.of("..", "examples", "aws-config").toAbsolutePath().normalize();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Vigil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
