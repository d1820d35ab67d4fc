package dev.vigil.cli;

import dev.vigil.engine.Baseline;
import dev.vigil.engine.ScanEngine;
import dev.vigil.engine.ScanReport;
import dev.vigil.engine.ScanRequest;
import dev.vigil.model.Status;
import dev.vigil.rules.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil baseline create}: accept today's failures so that a CI gate breaks only on new ones. */
@Command(name = "baseline", description = "Record today's failures so that 'vigil scan --baseline FILE' fails only on new ones.",
        subcommands = BaselineCommand.Create.class)
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Vigil.OK;
    }

    @Command(name = "create", description = {"Scan PATH and write every failure found into a baseline file.",
            "Failures are kept by finding id (rule and resource, not line), so moving code does not make them new."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to scan, as 'vigil scan' takes them.")
        List<Path> paths = new ArrayList<>();

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ".vigil-baseline.json",
                description = "The baseline file to write (default: ${DEFAULT-VALUE}).")
        Path output;

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A Terraform variable or CloudFormation parameter value (repeatable).")
        List<String> vars = new ArrayList<>();

        @Option(names = "--var-file", paramLabel = "FILE", description = "A Terraform .tfvars file applied to every module (repeatable).")
        List<Path> varFiles = new ArrayList<>();

        @Mixin
        CatalogOptions catalogOptions;

        @Override
        public Integer call() throws IOException {
            Catalog catalog = catalogOptions.load(List.of());
            ScanEngine engine = new ScanEngine(ScanOptions.inputs(ScanOptions.iacOptions(vars, varFiles)), catalog, Clock.systemUTC());
            ScanReport report = engine.scan(ScanRequest.of(paths));
            for (var bad : report.badFiles()) spec.commandLine().getErr().println("vigil: " + bad.message());
            if (!report.badFiles().isEmpty()) {
                // a baseline of a partial scan would call the unread files' failures new later: refuse it
                spec.commandLine().getErr().println("vigil: baseline not written: " + report.badFiles().size() + " file(s) could not be read");
                return Vigil.INPUT_ERROR;
            }
            AtomicFile.write(output, Baseline.json(report, Instant.now()));
            long failures = report.results().stream().filter(r -> r.status() == Status.FAIL).count();
            spec.commandLine().getErr().println("vigil: wrote " + output + " (" + failures + " failures accepted)");
            return Vigil.OK;
        }
    }
}
