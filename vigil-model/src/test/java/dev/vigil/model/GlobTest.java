package dev.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starIsAnyRunQuestionMarkOneCharacterAndTheRestIsLiteral() {
        assertThat(Glob.matches("aws-s3-*", "aws-s3-bucket-logging")).isTrue();
        assertThat(Glob.matches("aws-s3-*", "aws-iam-user-mfa")).isFalse();
        assertThat(Glob.matches("arn:aws:s3:::logs-*", "arn:aws:s3:::logs-eu/2026")).isTrue();
        assertThat(Glob.matches("sg-0?b", "sg-0ab")).isTrue();
        assertThat(Glob.matches("sg-0?b", "sg-0abb")).isFalse();
        assertThat(Glob.matches("a.b", "axb")).as("a dot is a dot").isFalse();
        assertThat(Glob.matches("aws-s3-bucket", "aws-s3-bucket-logging")).as("whole text only").isFalse();
        assertThat(Glob.matches("*", null)).isFalse();
    }
}
