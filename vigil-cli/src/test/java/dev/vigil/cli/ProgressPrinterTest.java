package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void onATerminalOneBarIsRedrawnInPlaceAndEndsWithANewline() {
        StringWriter err = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(err, true), true);
        p.identified("123456789012", "arn:aws:iam::123456789012:user/audit", List.of("us-east-1", "eu-west-1"));
        p.planned(4);
        p.finished("s3", "global", null, 12);
        p.finished("ec2", "us-east-1", "ec2:DescribeInstances failed: UnauthorizedOperation", 20);
        p.finished("ec2", "eu-west-1", null, 31);
        p.finished("iam", "global", null, 40);
        String out = err.toString();
        assertThat(out).startsWith("vigil: scanning account 123456789012 as arn:aws:iam::123456789012:user/audit in 2 region(s)");
        assertThat(out).contains("\r[######                  ] 1/4 units").contains("(errors: see gaps)")
                .contains("\r[########################] 4/4 units").endsWith("\n");
        // Redrawn, not scrolled: the bar lines share one line of the terminal.
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(2);
    }

    @Test
    void offATerminalEachUnitIsALogLineWithItsFailure() {
        StringWriter err = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(err, true), false);
        p.planned(2);
        p.finished("s3", "global", null, 12);
        p.finished("ec2", "us-east-1", "ec2:DescribeInstances failed: UnauthorizedOperation", 20);
        assertThat(err.toString().lines().toList()).containsExactly(
                "vigil: 1/2 s3 global done (12 API calls so far)",
                "vigil: 2/2 ec2 us-east-1 FAILED: ec2:DescribeInstances failed: UnauthorizedOperation (20 API calls so far)");
    }
}
