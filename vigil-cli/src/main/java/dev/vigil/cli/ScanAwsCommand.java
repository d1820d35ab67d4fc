package dev.vigil.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "aws", description = {
        "Scan a live AWS account, read-only, through the AWS SDK's credential chain.",
        "Prints the account and principal first; every API error becomes an ERROR result for exactly what it hid, never a PASS.",
        "The read-only permissions needed are in docs/aws-permissions.md."})
final class ScanAwsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() throws IOException {
        if (aws.answered(spec)) return Vigil.OK;
        var input = aws.input(spec);
        return scan.run(spec, List.of(), () -> List.of(input));
    }
}
