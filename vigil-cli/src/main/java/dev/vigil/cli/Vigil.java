package dev.vigil.cli;

import dev.vigil.model.input.InputException;
import dev.vigil.rules.RuleLoadException;
import dev.vigil.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command. Exit codes: 0 clean, 1 usage or input error (one line on stderr, no
 * stack trace), 3 failures at or above {@code --fail-on}.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = Vigil.Version.class,
        description = "Cloud security posture management: one canonical inventory, one rule catalog, never a false PASS.",
        subcommands = {ScanCommand.class, ComplianceCommand.class, FrameworksCommand.class, RulesCommand.class,
                FindingsCommand.class,
                DriftCommand.class,
                ExceptionsCommand.class,
                QueryCommand.class,
                BaselineCommand.class,
                CommandLine.HelpCommand.class})
public final class Vigil {
    public static final int OK = 0, INPUT_ERROR = 1, FAILURES = 3;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; used by {@link #main} and by tests, which capture both streams. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Vigil());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("vigil: " + ex.getMessage() + " (see 'vigil " + commandPath(ex.getCommandLine()) + "--help')");
            return INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException || ex instanceof RuleLoadException || ex instanceof UsageException
                    || ex instanceof dev.vigil.store.StoreException) {
                err.println("vigil: " + ex.getMessage());
            } else {
                err.println("vigil: internal error: " + ex + (System.getenv("VIGIL_DEBUG") == null ? " (set VIGIL_DEBUG=1 for the stack trace)" : ""));
                if (System.getenv("VIGIL_DEBUG") != null) ex.printStackTrace(err);
            }
            return INPUT_ERROR;
        });
        return cli.execute(args);
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) sb.insert(0, c.getCommandName() + " ");
        return sb.toString();
    }

    /** A wrong option value discovered after parsing, printed as one line like any usage error. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vigil " + version()};
        }
    }

    static String version() {
        String v = Vigil.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
