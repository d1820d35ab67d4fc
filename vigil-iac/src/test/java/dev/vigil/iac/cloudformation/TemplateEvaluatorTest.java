package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Templates.evaluate;
import static dev.vigil.iac.cloudformation.Templates.properties;
import static dev.vigil.iac.cloudformation.Templates.withProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iac.Unresolved;
import dev.vigil.model.input.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TemplateEvaluatorTest {
    private static final String PARAMS = """
            Parameters:
              Env: {Type: String, Default: staging}
              Port: {Type: Number, Default: 8080}
              Secret: {Type: String, NoEcho: true}
              Zones: {Type: CommaDelimitedList, Default: "a, b,c"}
              FromSsm: {Type: "AWS::SSM::Parameter::Value<String>", Default: /acme/ami}
            """;

    private static Object value(String head, String expression) {
        return properties(withProperties(head, "V: " + expression), "R").get("V");
    }

    private static Object value(String expression) {
        return value(PARAMS, expression);
    }

    @Nested
    class Parameters {
        @Test
        void refGivesTheDefaultAsText() {
            assertThat(value("!Ref Env")).isEqualTo("staging");
            assertThat(value("!Ref Port")).isEqualTo("8080");
        }

        @Test
        void aVarOverridesTheDefault() {
            var r = evaluate(withProperties(PARAMS, "V: !Ref Env\nW: !Ref Secret"), Map.of("Env", "production", "Secret", "s3cr3t"));
            assertThat(r.get(0).properties()).containsEntry("V", "production").containsEntry("W", "s3cr3t");
        }

        @Test
        void aParameterWithoutValueIsUnresolvedAndSaysHowToGiveIt() {
            assertThat(value("!Ref Secret")).isEqualTo(Unresolved.because("parameter Secret has no value (give it with --var Secret=...)"));
        }

        @Test
        void listParametersAreSplitOnCommas() {
            assertThat(value("!Ref Zones")).isEqualTo(List.of("a", "b", "c"));
        }

        @Test
        void ssmParametersAreKnownOnlyAtDeploy() {
            assertThat(value("!Ref FromSsm")).isInstanceOf(Unresolved.class);
        }
    }

    @Nested
    class PseudoParameters {
        @Test
        void partitionAndUrlSuffixAreKnown() {
            assertThat(value("!Sub '${AWS::Partition}.${AWS::URLSuffix}'")).isEqualTo("aws.amazonaws.com");
        }

        @Test
        void regionAccountAndStackAreKnownOnlyAtDeploy() {
            for (String p : List.of("AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs")) {
                assertThat(value("!Ref " + p)).isEqualTo(Unresolved.because(p + " is known only at deploy"));
            }
        }

        @Test
        void noValueRemovesTheKeyOrListElement() {
            Map<String, Object> p = properties(withProperties(PARAMS, "A: !Ref AWS::NoValue\nB: [x, !Ref AWS::NoValue, y]\nC: kept"), "R");
            assertThat(p).doesNotContainKey("A").containsEntry("B", List.of("x", "y")).containsEntry("C", "kept");
        }
    }

    @Nested
    class References {
        private static final String STACK = """
                Resources:
                  Named:
                    Type: AWS::S3::Bucket
                    Properties: {BucketName: !Sub "acme-${Suffix}"}
                  Unnamed:
                    Type: AWS::S3::Bucket
                  Group:
                    Type: AWS::EC2::SecurityGroup
                    Properties: {GroupDescription: g}
                  R:
                    Type: AWS::SNS::Topic
                    Properties:
                      A: !Ref Named
                      B: !Ref Unnamed
                      C: !GetAtt Named.Arn
                      D: !Ref Group
                      E: !Sub "${Named}/*"
                      F: !Sub "${Group.GroupId}"
                Parameters:
                  Suffix: {Type: String, Default: logs}
                """;

        @Test
        void refOfABucketWithANameIsItsName() {
            assertThat(properties(STACK, "R")).containsEntry("A", "acme-logs").containsEntry("E", "acme-logs/*");
        }

        @Test
        void refOfAResourceWhoseIdIsAssignedAtDeployIsUnresolvedAndRemembersIt() {
            var p = properties(STACK, "R");
            assertThat(p.get("B")).isEqualTo(new Unresolved("Ref Unnamed (the AWS::S3::Bucket's physical id) is known only after deploy", "Unnamed"));
            assertThat(((Unresolved) p.get("D")).refersTo()).isEqualTo("Group");
        }

        @Test
        void getAttIsKnownOnlyAfterDeployInBothForms() {
            var p = properties(STACK, "R");
            assertThat(p.get("C")).isEqualTo(new Unresolved("Named.Arn is known only after deploy", "Named"));
            assertThat(p.get("F")).isEqualTo(new Unresolved("Group.GroupId is known only after deploy", "Group"));
        }

        @Test
        void aRefToNothingIsBadInputAtItsLine() {
            assertThatThrownBy(() -> evaluate(withProperties("", "A: x\nB: !Ref Nowhere")))
                    .isInstanceOf(InputException.class)
                    .hasMessage("stack.yaml:7: Ref Nowhere names neither a parameter nor a resource of the template");
        }

        @Test
        void inATransformedTemplateAReferenceToWhatTheTransformMakesIsUnknownNotAnError() {
            String sam = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                    + "  R:\n    Type: AWS::SNS::Topic\n    Properties:\n      A: !Ref FnRole\n      B: !GetAtt FnRole.Arn\n";
            var p = properties(sam, "R");
            assertThat(p.get("A")).isEqualTo(Unresolved.because("FnRole is made by the template's Transform at deploy"));
            assertThat(p.get("B")).isInstanceOf(Unresolved.class);
        }

        @Test
        void aGetAttOfNothingIsBadInput() {
            assertThatThrownBy(() -> evaluate(withProperties("", "B: !GetAtt Nowhere.Arn")))
                    .isInstanceOf(InputException.class).hasMessageContaining("Fn::GetAtt Nowhere.Arn names no resource");
        }
    }

    @Nested
    class Functions {
        @Test
        void subReplacesParametersKeepsEscapedLiteralsAndTakesVariables() {
            assertThat(value("!Sub '${Env}-${!NotAParam}'")).isEqualTo("staging-${NotAParam}");
            assertThat(value("!Sub ['${Who}:${Env}', {Who: !Join ['', [a, b]]}]")).isEqualTo("ab:staging");
        }

        @Test
        void subWithAnUnresolvedPartIsUnresolved() {
            assertThat(value("!Sub 'arn:aws:s3:::${AWS::AccountId}-logs'")).isEqualTo(Unresolved.because("AWS::AccountId is known only at deploy"));
        }

        @Test
        void joinSelectSplitAndBase64() {
            assertThat(value("!Join [':', [a, !Ref Env, 3]]")).isEqualTo("a:staging:3");
            assertThat(value("!Select [1, !Split [',', 'x,y,z']]")).isEqualTo("y");
            assertThat(value("!Select [2, !Ref Zones]")).isEqualTo("c");
            assertThat(value("!Base64 hello")).isEqualTo("aGVsbG8=");
        }

        @Test
        void joinOverAnUnresolvedElementIsUnresolved() {
            assertThat(value("!Join ['', [a, !Ref Secret]]")).isInstanceOf(Unresolved.class);
        }

        @Test
        void selectOutsideTheListIsBadInput() {
            assertThatThrownBy(() -> value("!Select [5, [a, b]]")).isInstanceOf(InputException.class).hasMessageContaining("outside the list of 2");
        }

        @Test
        void findInMapLooksUpBothLevelsWithEvaluatedKeys() {
            String head = PARAMS + "Mappings:\n  Sizes:\n    staging: {App: m7g.large}\n";
            assertThat(value(head, "!FindInMap [Sizes, !Ref Env, App]")).isEqualTo("m7g.large");
            assertThat(value(head, "!FindInMap [Sizes, !Ref AWS::Region, App]")).isInstanceOf(Unresolved.class);
            assertThatThrownBy(() -> value(head, "!FindInMap [Sizes, production, App]"))
                    .isInstanceOf(InputException.class).hasMessageContaining("mapping Sizes has no key production");
        }

        @Test
        void azsImportsAndCidrAreKnownOnlyAtDeploy() {
            assertThat(value("!GetAZs ''")).isInstanceOf(Unresolved.class);
            assertThat(value("!ImportValue shared-vpc-id")).isEqualTo(Unresolved.because("Fn::ImportValue shared-vpc-id is an export of another stack, known only at deploy"));
            assertThat(value("!Cidr [10.0.0.0/16, 4, 8]")).isInstanceOf(Unresolved.class);
        }

        @Test
        void anUnknownFunctionIsBadInputAtItsLine() {
            assertThatThrownBy(() -> evaluate("Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n      V: {\"Fn::Frobnicate\": [a]}\n"))
                    .isInstanceOf(InputException.class).hasMessage("stack.yaml:5: unknown intrinsic function Fn::Frobnicate");
        }

        @Test
        void longAndShortFormsAgree() {
            assertThat(value("{\"Fn::Join\": [\"-\", [{\"Ref\": Env}, x]]}")).isEqualTo(value("!Join ['-', [!Ref Env, x]]"));
        }
    }

    @Nested
    class Conditions {
        private static final String HEAD = PARAMS + """
                Conditions:
                  IsStaging: !Equals [!Ref Env, staging]
                  IsProd: !Not [!Condition IsStaging]
                  StagingAndPort: !And [!Condition IsStaging, !Equals [!Ref Port, 8080]]
                  ProdOrPort: !Or [!Condition IsProd, !Equals ["8080", !Ref Port]]
                  InRegion: !Equals [!Ref AWS::Region, eu-west-1]
                  ProdAndRegion: !And [!Condition IsProd, !Condition InRegion]
                  StagingOrRegion: !Or [!Condition IsStaging, !Condition InRegion]
                """;

        @Test
        void conditionsAreDecidedFromParameters() {
            assertThat(value(HEAD, "!If [IsStaging, picked, other]")).isEqualTo("picked");
            assertThat(value(HEAD, "!If [IsProd, picked, other]")).isEqualTo("other");
            assertThat(value(HEAD, "!If [StagingAndPort, picked, other]")).isEqualTo("picked");
            assertThat(value(HEAD, "!If [ProdOrPort, picked, other]")).isEqualTo("picked");
        }

        @Test
        void aVarChangesTheDecision() {
            var r = evaluate(withProperties(HEAD, "V: !If [IsProd, picked, other]"), Map.of("Env", "production"));
            assertThat(r.get(0).properties()).containsEntry("V", "picked");
        }

        @Test
        void aConditionOnWhatOnlyTheDeployKnowsLeavesTheIfUnresolved() {
            assertThat(value(HEAD, "!If [InRegion, picked, other]")).isInstanceOf(Unresolved.class)
                    .extracting(u -> ((Unresolved) u).reason()).asString().startsWith("condition InRegion cannot be decided before deploy");
        }

        @Test
        void andOrStillDecideWhenTheKnownPartSettlesIt() {
            assertThat(value(HEAD, "!If [ProdAndRegion, picked, other]")).isEqualTo("other");
            assertThat(value(HEAD, "!If [StagingOrRegion, picked, other]")).isEqualTo("picked");
        }

        @Test
        void aResourceWhoseConditionIsFalseIsLeftOutAndAnUndecidedOneIsKept() {
            String t = HEAD + """
                    Resources:
                      Always: {Type: AWS::SNS::Topic}
                      ProdOnly: {Type: AWS::SNS::Topic, Condition: IsProd}
                      StagingOnly: {Type: AWS::SNS::Topic, Condition: IsStaging}
                      MaybeHere: {Type: AWS::SNS::Topic, Condition: InRegion}
                    """;
            assertThat(evaluate(t)).extracting(CfnResource::logicalId).containsExactly("Always", "StagingOnly", "MaybeHere");
        }

        @Test
        void anUndeclaredConditionIsBadInput() {
            assertThatThrownBy(() -> value(HEAD, "!If [Nope, a, b]")).isInstanceOf(InputException.class)
                    .hasMessageContaining("condition Nope is not declared in Conditions");
        }

        @Test
        void aConditionThatDependsOnItselfIsBadInput() {
            String head = "Conditions:\n  A: !Not [!Condition B]\n  B: !Not [!Condition A]\n";
            assertThatThrownBy(() -> value(head, "!If [A, x, y]")).isInstanceOf(InputException.class).hasMessageContaining("depends on itself");
        }
    }

    @Nested
    class Loops {
        private static final String TEMPLATE = """
                Transform: AWS::LanguageExtensions
                Parameters:
                  Teams: {Type: CommaDelimitedList, Default: "web,data-eng"}
                Resources:
                  Fn::ForEach::Buckets:
                    - Team
                    - !Ref Teams
                    - "&{Team}Bucket":
                        Type: AWS::S3::Bucket
                        Properties:
                          BucketName: !Sub "acme-${Team}-assets"
                          Tags: [{Key: team, Value: !Ref Team}]
                  Other:
                    Type: AWS::SNS::Topic
                """;

        @Test
        void forEachMakesOneResourcePerElementLocatedAtTheLoop() {
            var resources = evaluate(TEMPLATE);
            assertThat(resources).extracting(CfnResource::logicalId).containsExactly("webBucket", "dataengBucket", "Other");
            CfnResource data = resources.get(1);
            assertThat(data.properties()).containsEntry("BucketName", "acme-data-eng-assets")
                    .containsEntry("Tags", List.of(Map.of("Key", "team", "Value", "data-eng")));
            assertThat(List.of(data.startLine(), data.endLine())).containsExactly(5, 12);
        }

        @Test
        void aLoopOverWhatOnlyTheDeployKnowsIsBadInput() {
            String t = TEMPLATE.replace("!Ref Teams", "!GetAZs ''");
            assertThatThrownBy(() -> evaluate(t)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("stack.yaml:5: Fn::ForEach::Buckets: the collection must be known before deploy");
        }
    }
}
