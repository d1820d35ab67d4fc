package dev.vigil.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image references as Kubernetes reads them: what is the tag, what is the digest, and does the kubelet pull on every start. */
class ImageReferenceTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nginx                                        | ''       | ''             | true
            nginx:1.27                                   | 1.27     | ''             | false
            nginx:latest                                 | latest   | ''             | true
            registry.example.com:5000/team/app           | ''       | ''             | true
            registry.example.com:5000/team/app:2.0       | 2.0      | ''             | false
            app@sha256:0a1b                              | ''       | sha256:0a1b    | false
            app:latest@sha256:0a1b                       | latest   | sha256:0a1b    | true
            localhost:5000/app:v1@sha256:0a1b            | v1       | sha256:0a1b    | false
            ''                                           | ''       | ''             | true
            """)
    void tagDigestAndPullDefault(String ref, String tag, String digest, boolean pullsAlways) {
        PodSpecs.Image image = PodSpecs.Image.parse(ref);
        assertThat(image.tag()).isEqualTo(tag);
        assertThat(image.digest()).isEqualTo(digest);
        assertThat(image.mutable()).isEqualTo(pullsAlways);
    }
}
