package dev.vigil.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.input.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {

    private static Object property(Template t, String key) {
        Map<?, ?> r = (Map<?, ?>) ((Map<?, ?>) t.root().get("Resources")).get("R");
        return ((Map<?, ?>) r.get("Properties")).get(key);
    }

    @Test
    void shortFormTagsReadAsTheirLongForms() {
        Template t = TemplateReader.read("t.yaml", """
                Resources:
                  R:
                    Type: AWS::SNS::Topic
                    Properties:
                      A: !Ref Param
                      B: !Sub "${AWS::Region}-x"
                      C: !GetAtt Bucket.Arn
                      D: !GetAtt [Bucket, DomainName]
                      E: !If [Cond, !Join ["-", [a, b]], !Select [0, !Split [",", "x,y"]]]
                      F: !FindInMap [M, !Ref AWS::Region, K]
                      G: !Base64 text
                      H: !Condition IsProd
                """);
        assertThat(property(t, "A")).isEqualTo(Map.of("Ref", "Param"));
        assertThat(property(t, "B")).isEqualTo(Map.of("Fn::Sub", "${AWS::Region}-x"));
        assertThat(property(t, "C")).isEqualTo(Map.of("Fn::GetAtt", List.of("Bucket", "Arn")));
        assertThat(property(t, "D")).isEqualTo(Map.of("Fn::GetAtt", List.of("Bucket", "DomainName")));
        assertThat(property(t, "E")).isEqualTo(Map.of("Fn::If", List.of("Cond", Map.of("Fn::Join", List.of("-", List.of("a", "b"))),
                Map.of("Fn::Select", List.of(0L, Map.of("Fn::Split", List.of(",", "x,y")))))));
        assertThat(property(t, "F")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", Map.of("Ref", "AWS::Region"), "K")));
        assertThat(property(t, "G")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(property(t, "H")).isEqualTo(Map.of("Condition", "IsProd"));
    }

    @Test
    void scalarsKeepTheirYamlTypesAndDatesStayText() {
        Template t = TemplateReader.read("t.yaml", """
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  R:
                    Type: AWS::SNS::Topic
                    Properties: {N: 80, F: 1.5, B: true, S: "80", Nothing: null}
                """);
        assertThat(t.root().get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
        assertThat(property(t, "N")).isEqualTo(80L);
        assertThat(property(t, "F")).isEqualTo(1.5);
        assertThat(property(t, "B")).isEqualTo(true);
        assertThat(property(t, "S")).isEqualTo("80");
        assertThat(property(t, "Nothing")).isNull();
    }

    @Test
    void aResourceSpansFromItsLogicalIdToItsLastLineNotTheCommentsOfTheNextOne() {
        Template t = TemplateReader.read("t.yaml", """
                Resources:
                  First:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: a

                  # about Second
                  Second:
                    Type: AWS::SNS::Topic
                """);
        assertThat(t.resourceSpan("First")).containsExactly(2, 5);
        assertThat(t.resourceSpan("Second")).containsExactly(8, 9);
    }

    @Test
    void jsonTemplatesKeepLinesToo() {
        Template t = TemplateReader.read("t.json", """
                {
                  "Resources": {
                    "R": {
                      "Type": "AWS::SNS::Topic",
                      "Properties": {"A": {"Ref": "P"}}
                    }
                  }
                }
                """);
        assertThat(t.resourceSpan("R")).containsExactly(3, 6);
        assertThat(property(t, "A")).isEqualTo(Map.of("Ref", "P"));
        assertThat(t.lines()).isEmpty();
    }

    @Test
    void anUnknownTagIsBadInputAtItsLine() {
        assertThatThrownBy(() -> TemplateReader.read("t.yaml", """
                Resources:
                  R:
                    Type: AWS::SNS::Topic
                    Properties:
                      A: !Reff Param
                """)).isInstanceOf(InputException.class).hasMessage("t.yaml:5: unknown tag !Reff (not a CloudFormation intrinsic function)");
    }

    @Test
    void invalidYamlIsBadInputAtItsLine() {
        assertThatThrownBy(() -> TemplateReader.read("t.yaml", "Resources:\n  R:\n    Type: AWS::SNS::Topic\n   Properties: [\n"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    assertThat(((InputException) e).line()).isBetween(3, 5);
                    assertThat(e.getMessage()).startsWith("t.yaml:").contains("invalid YAML").doesNotContain("\n");
                });
    }

    @Test
    void invalidJsonIsBadInputAtItsLine() {
        assertThatThrownBy(() -> TemplateReader.read("t.json", "{\n  \"Resources\": {\n    \"R\": {\"Type\": \"AWS::SNS::Topic\",}\n  }\n}\n"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3))
                .hasMessageStartingWith("t.json:3: invalid JSON");
    }

    @Test
    void aTemplateWithoutResourcesIsBadInput() {
        assertThatThrownBy(() -> TemplateReader.read("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nParameters: {}\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("t.yaml:1: the template declares no Resources (CloudFormation requires at least one)");
    }

    @Test
    void duplicateKeysAreBadInput() {
        assertThatThrownBy(() -> TemplateReader.read("t.yaml", "Resources:\n  R:\n    Type: AWS::SNS::Topic\n  R:\n    Type: AWS::SNS::Topic\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("t.yaml:4");
    }
}
