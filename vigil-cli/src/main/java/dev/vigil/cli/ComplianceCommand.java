package dev.vigil.cli;

import dev.vigil.report.ReportWriters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compliance", subcommands = ComplianceCommand.Aws.class, description = {
        "Assess compliance frameworks: per framework, a score per account and region (passed over passed + failed + error, "
                + "counts beside it), and each requirement's status (PASS, FAIL, ERROR, MANUAL, NO-RESOURCES) with the failing resources.",
        "PATH: the inputs of 'vigil scan'; 'vigil compliance aws' assesses a live account.",
        "Formats: table, json, csv. Frameworks: --compliance ID (repeatable; default: every framework, or the profile's)."})
final class ComplianceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to scan.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--level", paramLabel = "N", description = "Profile level: requirements of this level and below (CIS: 1 or 2).")
    Integer level;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() throws IOException {
        if (paths.isEmpty()) throw new Vigil.UsageException("compliance: name at least one PATH, or use 'vigil compliance aws' for a live account");
        return scan.run(spec, paths, List::of, mode(level));
    }

    static ScanOptions.Mode mode(Integer level) {
        if (level != null && level < 1) throw new Vigil.UsageException("--level must be 1 or more");
        return new ScanOptions.Mode(ReportWriters.compliance(), true, level);
    }

    @Command(name = "aws", description = "Assess compliance of a live AWS account (the options of 'vigil scan aws').")
    static final class Aws implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--level", paramLabel = "N", description = "Profile level: requirements of this level and below (CIS: 1 or 2).")
        Integer level;

        @Mixin
        AwsOptions aws;

        @Mixin
        ScanOptions scan;

        @Override
        public Integer call() throws IOException {
            if (aws.answered(spec)) return Vigil.OK;
            ScanOptions.Mode mode = mode(level);
            var input = aws.input(spec);
            return scan.run(spec, List.of(), () -> List.of(input), mode);
        }
    }
}
