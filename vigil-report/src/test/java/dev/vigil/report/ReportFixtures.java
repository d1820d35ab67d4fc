package dev.vigil.report;

import dev.vigil.engine.ScanReport;
import dev.vigil.model.Location;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.Suppressed;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.rules.Catalog;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Results and reports the writer tests share: a small catalog of two real rules, and results built by hand. */
public final class ReportFixtures {
    public static final String LOGGING = "aws-s3-bucket-access-logging";   // medium, categories [logging]
    public static final String TRAIL_KMS = "aws-cloudtrail-trail-kms-encrypted"; // medium, categories [encryption, logging]

    public static final Catalog CATALOG = loadCatalog();

    private ReportFixtures() {
    }

    private static Catalog loadCatalog() {
        try {
            Path dir = Path.of(ReportFixtures.class.getResource("/catalog").toURI());
            return Catalog.load(ResourceTypes.standard(), false, List.of(dir));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ReportContext context() {
        return new ReportContext(CATALOG, false, false, "0.1.0-SNAPSHOT");
    }

    /** A result of an IaC scan: declared in {@code file} at lines {@code start..end}. */
    public static Result iac(String ruleId, Severity sev, Status status, String reason, String resourceId, String file, int start, int end) {
        return new Result(ruleId, sev, status, reason, "aws.s3.bucket", resourceId, resourceId.substring(resourceId.lastIndexOf('.') + 1),
                "aws", "", "", file + ":" + start + "-" + end, new Location(file, start, end), null);
    }

    /** A result of a live scan: no file. */
    public static Result live(String ruleId, Severity sev, Status status, String reason, String arn) {
        return new Result(ruleId, sev, status, reason, "aws.s3.bucket", arn, arn.substring(arn.lastIndexOf(':') + 1), "aws",
                "111122223333", "eu-west-1", "s3:ListBuckets at 2026-11-23T00:00:00Z", null, null);
    }

    public static Suppressed inline(String reason) {
        return new Suppressed(Suppressed.By.INLINE, reason, "s3.tf:2", "2027-01-31");
    }

    public static Suppressed exception(String reason) {
        return new Suppressed(Suppressed.By.EXCEPTION, reason, "ex-42", "");
    }

    public static Suppressed baseline() {
        return new Suppressed(Suppressed.By.BASELINE, "in the baseline", ".vigil-baseline.json", "");
    }

    public static ScanReport report(List<Result> results) {
        return report(results, List.of(), List.of());
    }

    public static ScanReport report(List<Result> results, List<CoverageGap> gaps, List<BadFile> badFiles) {
        return new ScanReport(List.of("infra"), List.of(), results.size(), Map.of("aws.s3.bucket", (long) results.size()), Map.of(), gaps,
                results, Map.of(), 2, Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"), Duration.ofMillis(12),
                Map.of(), null, badFiles);
    }

    /**
     * The scan the golden files are written from: an IaC FAIL, PASS and UNKNOWN, an inline-suppressed
     * FAIL, a live ERROR, a coverage gap and an unreadable file.
     */
    public static ScanReport goldenScan() {
        List<Result> results = List.of(
                iac(LOGGING, Severity.HIGH, Status.FAIL, "logs does not record server access logs", "infra#aws_s3_bucket.logs", "infra/s3.tf", 3, 12),
                iac(LOGGING, Severity.HIGH, Status.PASS, "", "infra#aws_s3_bucket.data", "infra/s3.tf", 14, 20),
                iac(LOGGING, Severity.HIGH, Status.UNKNOWN, "logging.enabled depends on var.enable_logging, which has no value",
                        "infra#aws_s3_bucket.maybe", "infra/s3.tf", 22, 30),
                iac(TRAIL_KMS, Severity.MEDIUM, Status.FAIL, "main does not encrypt its logs with a KMS key", "infra#aws_cloudtrail.main",
                        "infra/trail.tf", 1, 9).suppressedBy(inline("the bucket is SSE-KMS already")),
                live(TRAIL_KMS, Severity.MEDIUM, Status.ERROR, "cloudtrail:GetTrail was denied (AccessDenied)",
                        "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org"));
        return report(results, List.of(new CoverageGap("111122223333 eu-west-1 cloudtrail", "listing denied")),
                List.of(new BadFile("infra/broken.tf", 7, "HCL syntax error: unexpected '}'")));
    }

    public static String write(ReportWriter writer, ScanReport report, ReportContext ctx) {
        StringWriter out = new StringWriter();
        try {
            writer.write(report, ctx, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
