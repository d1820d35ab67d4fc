package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.report.junit.JUnitReportWriter;
import dev.vigil.report.sarif.SarifReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The machine formats byte for byte, for one scan ({@link ReportFixtures#goldenScan()}). CI systems
 * key on these bytes (GitHub matches alerts by fingerprint, GitLab test cases by name), so a change
 * here must be meant. The files were reviewed by hand; the SARIF fingerprints are the first 128
 * bits of SHA-256 over {@code ruleId + U+001F + resourceId}, as {@code sha256sum} gives them.
 * When a change is meant, the test writes the new output under {@code target/golden/} to compare
 * and copy.
 */
class GoldenReportsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sarif, scan.sarif", "junit, scan-junit.xml"})
    void theFormatIsUnchanged(String format, String golden) throws IOException {
        ReportWriter writer = switch (format) {
            case "sarif" -> new SarifReportWriter();
            case "junit" -> new JUnitReportWriter();
            default -> throw new IllegalArgumentException(format);
        };
        String actual = ReportFixtures.write(writer, ReportFixtures.goldenScan(), ReportFixtures.context());
        String expected;
        try (InputStream in = GoldenReportsTest.class.getResourceAsStream("/golden/" + golden)) {
            expected = in == null ? "(no golden file " + golden + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "golden", golden);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(actual).as("compare with target/golden/" + golden).isEqualTo(expected);
    }
}
