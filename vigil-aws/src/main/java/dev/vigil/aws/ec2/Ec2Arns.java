package dev.vigil.aws.ec2;

/**
 * The ARNs of EC2 resources in one account and region, built as AWS builds them (and as the AWS
 * Config adapter does when an item carries none): {@code arn:<partition>:ec2:<region>:<account>:<kind>/<id>}.
 */
public record Ec2Arns(String partition, String region, String account) {

    public String of(String kind, String id) {
        return "arn:" + partition + ":ec2:" + region + ":" + account + ":" + kind + "/" + id;
    }

    /** Snapshots, like images, are public-capable resources whose ARN leaves the account out. */
    public String snapshot(String id) {
        return "arn:" + partition + ":ec2:" + region + "::snapshot/" + id;
    }
}
