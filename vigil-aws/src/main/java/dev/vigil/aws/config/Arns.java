package dev.vigil.aws.config;

/** Canonical ids for AWS resources: the ARN, built the way AWS builds it when an input does not carry it. */
final class Arns {
    private Arns() {
    }

    static String ec2(String region, String account, String kindAndId) {
        return "arn:aws:ec2:" + region + ":" + account + ":" + kindAndId;
    }

    static String bucket(String name) {
        return "arn:aws:s3:::" + name;
    }

    static String or(String arn, String fallback) {
        return arn == null || arn.isEmpty() ? fallback : arn;
    }
}
