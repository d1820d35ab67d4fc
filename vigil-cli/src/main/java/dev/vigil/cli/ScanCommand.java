package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", subcommands = ScanAwsCommand.class, description = {
        "Scan inputs and evaluate the rule catalog.",
        "PATH: infrastructure code (Terraform .tf/.tf.json directories, plan or state JSON from 'terraform show -json', .tfstate; "
                + "CloudFormation templates; Kubernetes manifests) and AWS Config snapshots, history files or items (.json, .json.gz), "
                + "an IAM credential report (.csv) and the output of 'aws iam get-account-password-policy' (.json); directories are searched.",
        "'vigil scan aws' scans a live AWS account instead (see 'vigil scan aws --help')."})
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to scan.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() throws IOException {
        if (paths.isEmpty()) throw new Vigil.UsageException("scan: name at least one PATH, or use 'vigil scan aws' for a live account");
        return scan.run(spec, paths, List::of);
    }
}
