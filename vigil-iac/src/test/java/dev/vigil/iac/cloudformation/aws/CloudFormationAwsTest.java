package dev.vigil.iac.cloudformation.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.IacOptions;
import dev.vigil.iac.cloudformation.CloudFormationInput;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.input.Collected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each CloudFormation type becomes in the canonical model, and what stays unknown until deploy. */
class CloudFormationAwsTest {
    @TempDir
    Path dir;

    private Collected read(String... templates) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < templates.length; i++) {
            Path p = dir.resolve("t" + i + ".yaml");
            Files.writeString(p, templates[i]);
            files.add(p);
        }
        Collected c = new CloudFormationInput(IacOptions.none()).read(files);
        assertThat(c.badFiles()).isEmpty();
        return c;
    }

    private Resource resource(String logicalId, String... templates) throws IOException {
        return read(templates).resources().stream().filter(r -> r.id().endsWith("#" + logicalId)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Resource r, String path) {
        Object v = r.properties();
        for (String k : path.split("\\.")) v = v instanceof Map<?, ?> m ? m.get(k) : null;
        return (T) v;
    }

    @Nested
    class Buckets {
        @Test
        void aBareBucketGetsWhatAwsGivesANewBucketToday() throws IOException {
            Resource b = resource("B", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
            assertThat(b.type()).isEqualTo("aws.s3.bucket");
            assertThat((Map<String, Object>) at(b, "publicAccessBlock")).containsOnly(
                    Map.entry("blockPublicAcls", true), Map.entry("ignorePublicAcls", true),
                    Map.entry("blockPublicPolicy", true), Map.entry("restrictPublicBuckets", true));
            assertThat((Map<String, Object>) at(b, "encryption")).containsEntry("enabled", true).containsEntry("algorithm", "AES256");
            assertThat((Object) at(b, "versioning.status")).isEqualTo("Off");
            assertThat((Object) at(b, "logging.enabled")).isEqualTo(false);
            assertThat((List<Object>) at(b, "policy.statements")).isEmpty();
            assertThat(b.name()).isEqualTo("B");
            assertThat(b.unknowns()).containsKeys("name", "arn", "creationDate");
        }

        @Test
        void aSettingChosenByAnUndecidableConditionIsUnknownNotDefaulted() throws IOException {
            Resource b = resource("B", """
                    Conditions:
                      InEu: !Equals [!Ref AWS::Region, eu-west-1]
                    Resources:
                      B:
                        Type: AWS::S3::Bucket
                        Properties:
                          VersioningConfiguration: !If [InEu, {Status: Enabled}, !Ref AWS::NoValue]
                    """);
            assertThat(b.properties()).doesNotContainKey("versioning");
            assertThat(b.unknowns().get("versioning")).startsWith("condition InEu cannot be decided before deploy");
        }

        @Test
        void aGivenPublicAccessBlockTurnsOffWhatItOmits() throws IOException {
            Resource b = resource("B", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration: {BlockPublicAcls: true}\n");
            assertThat((Object) at(b, "publicAccessBlock.blockPublicAcls")).isEqualTo(true);
            assertThat((Object) at(b, "publicAccessBlock.restrictPublicBuckets")).isEqualTo(false);
        }

        @Test
        void aBucketPolicyJoinsItsBucketByRefInTheTemplateAndByNameAcrossTemplates() throws IOException {
            String buckets = """
                    Resources:
                      Site:
                        Type: AWS::S3::Bucket
                        Properties: {BucketName: acme-site}
                      Unnamed:
                        Type: AWS::S3::Bucket
                      UnnamedPolicy:
                        Type: AWS::S3::BucketPolicy
                        Properties:
                          Bucket: !Ref Unnamed
                          PolicyDocument:
                            Statement: [{Effect: Deny, Principal: "*", Action: "s3:*", Resource: !Sub "${Unnamed.Arn}/*"}]
                    """;
            String policies = """
                    Resources:
                      SitePolicy:
                        Type: AWS::S3::BucketPolicy
                        Properties:
                          Bucket: acme-site
                          PolicyDocument:
                            Statement: [{Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::acme-site/*"}]
                    """;
            Collected c = read(buckets, policies);
            Resource site = c.resources().stream().filter(r -> r.name().equals("acme-site")).findFirst().orElseThrow();
            assertThat((List<Map<String, Object>>) at(site, "policy.statements")).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("principals", List.of("*")).containsEntry("actions", List.of("s3:GetObject")));
            Resource unnamed = c.resources().stream().filter(r -> r.id().endsWith("#Unnamed")).findFirst().orElseThrow();
            // the ARN of a bucket of the stack is specific, whatever its value: it stands as its symbol
            assertThat((List<Map<String, Object>>) at(unnamed, "policy.statements")).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("resources", List.of("${Unnamed}")));
            assertThat(c.unmodelled()).isEmpty();
        }

        @Test
        void aPolicyThatReadsWhatOnlyTheDeployKnowsIsUnknown() throws IOException {
            Resource b = resource("B", """
                    Resources:
                      B:
                        Type: AWS::S3::Bucket
                        Properties: {BucketName: acme-b}
                      P:
                        Type: AWS::S3::BucketPolicy
                        Properties:
                          Bucket: !Ref B
                          PolicyDocument:
                            Statement: [{Effect: Allow, Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}, Action: "s3:*", Resource: "*"}]
                    """);
            assertThat(b.properties()).doesNotContainKey("policy");
            assertThat(b.unknowns()).containsEntry("policy", "AWS::AccountId is known only at deploy");
        }

        @Test
        void aPolicyForABucketOutsideTheScanIsCountedNotModelled() throws IOException {
            Collected c = read("Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties: {Bucket: elsewhere, PolicyDocument: {}}\n");
            assertThat(c.resources()).isEmpty();
            assertThat(c.unmodelled()).containsEntry("AWS::S3::BucketPolicy", 1L);
        }

        @Test
        void aCannedAclBecomesGrantsBesideTheOwners() throws IOException {
            Resource b = resource("B", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {AccessControl: PublicRead}\n");
            assertThat((List<Map<String, Object>>) at(b, "aclGrants")).extracting(g -> g.get("grantee") + " " + g.get("permission"))
                    .containsExactly("${AWS::CanonicalUserId} FullControl", "AllUsers Read");
            assertThat((Object) at(b, "ownerId")).isEqualTo("${AWS::CanonicalUserId}");
        }
    }

    @Nested
    class SecurityGroups {
        private static final String STACK = """
                Parameters:
                  Office: {Type: String}
                Resources:
                  Web:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupName: web
                      GroupDescription: web
                      VpcId: vpc-0123
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
                  WebSsh:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties: {GroupId: !GetAtt Web.GroupId, IpProtocol: "6", FromPort: 22, ToPort: 22, CidrIpv6: "::/0"}
                  Db:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: db
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref Web}
                      SecurityGroupEgress:
                        - {IpProtocol: "-1", CidrIp: 10.0.0.0/8}
                  FromOffice:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: office
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Office}
                """;

        @Test
        void separateIngressRulesJoinTheirGroupAndEc2AddsTheDefaultEgress() throws IOException {
            Resource web = resource("Web", STACK);
            assertThat((List<Map<String, Object>>) at(web, "ingress")).extracting(p -> p.get("protocol") + " " + p.get("fromPort") + " " + p.get("source"))
                    .containsExactly("tcp 443 0.0.0.0/0", "tcp 22 ::/0");
            assertThat((List<Map<String, Object>>) at(web, "egress")).extracting(p -> p.get("protocol") + " " + p.get("source"))
                    .containsExactly("-1 0.0.0.0/0");
            assertThat((Object) at(web, "groupId")).isEqualTo("${Web}");
        }

        @Test
        void aGroupOfTheStackAsSourceIsItsSymbolAndDeclaredEgressReplacesTheDefault() throws IOException {
            Resource db = resource("Db", STACK);
            assertThat((List<Map<String, Object>>) at(db, "ingress")).singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("source", "${Web}").containsEntry("sourceType", "security-group"));
            assertThat((List<Map<String, Object>>) at(db, "egress")).extracting(p -> p.get("source")).containsExactly("10.0.0.0/8");
            assertThat(db.unknowns()).containsKeys("name", "vpcId");
        }

        @Test
        void aRuleFromAParameterWithoutValueMakesTheIngressUnknown() throws IOException {
            Resource g = resource("FromOffice", STACK);
            assertThat(g.properties()).doesNotContainKey("ingress");
            assertThat(g.unknowns()).containsEntry("ingress", "parameter Office has no value (give it with --var Office=...)");
        }
    }

    @Nested
    class Instances {
        private static final String STACK = """
                Resources:
                  Subnet:
                    Type: AWS::EC2::Subnet
                    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true}
                  Vpc:
                    Type: AWS::EC2::VPC
                    Properties: {CidrBlock: 10.0.0.0/16}
                  Template:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData: {MetadataOptions: {HttpTokens: required}}
                  Hardened:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-1
                      SubnetId: !Ref Subnet
                      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: "1"}
                  Plain:
                    Type: AWS::EC2::Instance
                    Properties: {ImageId: ami-1}
                  Disk:
                    Type: AWS::EC2::Volume
                    Properties: {Size: 10, AvailabilityZone: eu-west-1a}
                """;

        @Test
        void metadataOptionsComeFromTheLaunchTemplateAndAreUnknownWithoutOne() throws IOException {
            Resource hardened = resource("Hardened", STACK);
            assertThat((Object) at(hardened, "metadataOptions.httpTokens")).isEqualTo("required");
            Resource plain = resource("Plain", STACK);
            assertThat((Object) at(plain, "metadataOptions.httpTokens")).isNull();
            assertThat(plain.unknowns()).containsKey("metadataOptions.httpTokens");
        }

        @Test
        void theSubnetTellsTheVpcAndWhetherAPublicAddressIsGiven() throws IOException {
            Resource hardened = resource("Hardened", STACK);
            assertThat((Object) at(hardened, "vpcId")).isEqualTo("${Vpc}");
            assertThat((String) at(hardened, "publicIpAddress")).isNotEmpty();
            Resource plain = resource("Plain", STACK);
            assertThat(plain.unknowns()).containsKeys("vpcId", "subnetId", "publicIpAddress");
            assertThat((Object) at(plain, "iamInstanceProfileArn")).isEqualTo("");
        }

        @Test
        void aVolumeWithoutEncryptedIsLeftToTheAccountDefault() throws IOException {
            Resource disk = resource("Disk", STACK);
            assertThat(disk.properties()).doesNotContainKey("encrypted");
            assertThat(disk.unknowns()).containsKey("encrypted");
        }
    }

    @Nested
    class Iam {
        private static final String STACK = """
                Parameters:
                  Password: {Type: String, NoEcho: true}
                Resources:
                  Admin:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument: {Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
                      Groups: [!Ref Ops]
                  Ops:
                    Type: AWS::IAM::Group
                    Properties: {GroupName: ops}
                  Dana:
                    Type: AWS::IAM::User
                    Properties:
                      UserName: dana
                      LoginProfile: {Password: !Ref Password}
                      ManagedPolicyArns: [!Ref Admin]
                  Robot:
                    Type: AWS::IAM::User
                    Properties: {UserName: robot}
                  RobotKey:
                    Type: AWS::IAM::AccessKey
                    Properties: {UserName: !Ref Robot}
                  Idle:
                    Type: AWS::IAM::User
                  DanaOps:
                    Type: AWS::IAM::UserToGroupAddition
                    Properties: {GroupName: !Ref Ops, Users: [!Ref Dana]}
                  Runner:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: "sts:AssumeRole"}]}
                  RunnerPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: runner-s3
                      Roles: [!Ref Runner]
                      PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
                """;

        @Test
        void aConsolePasswordIsALoginProfileAndMfaIsUnknownUntilTheUserEnablesIt() throws IOException {
            Resource dana = resource("Dana", STACK);
            assertThat((Object) at(dana, "passwordEnabled")).isEqualTo(true);
            assertThat(dana.unknowns()).containsKeys("mfaActive", "passwordLastUsed");
            assertThat((List<Object>) at(dana, "groups")).containsExactly("ops");
            assertThat((List<Map<String, Object>>) at(dana, "attachedPolicies")).extracting(p -> p.get("arn")).containsExactly("${Admin}");
        }

        @Test
        void accessKeysJoinTheirUserAndAUserWithoutCredentialsHasNoMfaToAskFor() throws IOException {
            Resource robot = resource("Robot", STACK);
            assertThat((List<Map<String, Object>>) at(robot, "accessKeys")).singleElement()
                    .satisfies(k -> assertThat(k).containsEntry("active", true).doesNotContainKeys("lastRotated", "lastUsed"));
            assertThat(robot.unknowns()).containsKeys("accessKeys.lastRotated", "accessKeys.lastUsed", "mfaActive");
            assertThat((Object) at(robot, "passwordLastUsed")).isEqualTo("");
            Resource idle = resource("Idle", STACK);
            assertThat((Object) at(idle, "mfaActive")).isEqualTo(false);
            assertThat((Object) at(idle, "passwordEnabled")).isEqualTo(false);
        }

        @Test
        void groupsCountTheirMembersAndPoliciesTheirAttachments() throws IOException {
            Resource ops = resource("Ops", STACK);
            assertThat((List<Object>) at(ops, "members")).containsExactly("dana");
            assertThat((List<Map<String, Object>>) at(ops, "attachedPolicies")).extracting(p -> p.get("arn")).containsExactly("${Admin}");
            Resource admin = resource("Admin", STACK);
            assertThat((Object) at(admin, "attachmentCount")).isEqualTo(2L);
            assertThat((Object) at(admin, "awsManaged")).isEqualTo(false);
        }

        @Test
        void aPolicyResourceIsAnInlinePolicyOfTheRolesItLists() throws IOException {
            Collected c = read(STACK);
            Resource runner = c.resources().stream().filter(r -> r.id().endsWith("#Runner")).findFirst().orElseThrow();
            assertThat((List<Map<String, Object>>) at(runner, "inlinePolicies")).extracting(p -> p.get("name")).containsExactly("runner-s3");
            assertThat(c.unmodelled()).isEmpty();
        }
    }

    @Nested
    class DataServices {
        @Test
        void aDatabaseTakesTheRdsDefaults() throws IOException {
            Resource db = resource("Db", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: postgres, DBInstanceClass: db.t4g.micro, MasterUsername: postgres}\n");
            assertThat(db.properties()).containsEntry("storageEncrypted", false).containsEntry("publiclyAccessible", true)
                    .containsEntry("autoMinorVersionUpgrade", true).containsEntry("backupRetentionPeriod", 1L).containsEntry("port", 5432L);
            assertThat(db.unknowns()).containsKeys("dbInstanceIdentifier", "engineVersion", "vpcId");
        }

        @Test
        void anAuroraMemberLeavesWhatItsClusterSetsUnknown() throws IOException {
            Resource db = resource("Member", "Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: aurora-postgresql, DBInstanceClass: db.r7g.large, DBClusterIdentifier: orders}\n");
            assertThat(db.properties()).doesNotContainKeys("storageEncrypted", "backupRetentionPeriod");
            assertThat(db.unknowns()).containsKeys("storageEncrypted", "backupRetentionPeriod", "deletionProtection");
        }

        @Test
        void aKeyIsCustomerManagedWithoutRotationAndItsDefaultPolicyIsUnknown() throws IOException {
            Resource k = resource("K", "Resources:\n  K:\n    Type: AWS::KMS::Key\n");
            assertThat(k.properties()).containsEntry("keyManager", "CUSTOMER").containsEntry("rotationEnabled", false).containsEntry("keyState", "Enabled");
            assertThat(k.unknowns()).containsKey("policy");
        }

        @Test
        void aTrailSaysWhetherItLogsAndLogsToItsBucket() throws IOException {
            Collected c = read("""
                    Resources:
                      Logs:
                        Type: AWS::S3::Bucket
                        Properties: {BucketName: acme-trail}
                      Trail:
                        Type: AWS::CloudTrail::Trail
                        Properties: {IsLogging: true, S3BucketName: !Ref Logs, KMSKeyId: !GetAtt Key.Arn}
                      Key:
                        Type: AWS::KMS::Key
                    """);
            Resource trail = c.resources().stream().filter(r -> r.type().equals("aws.cloudtrail.trail")).findFirst().orElseThrow();
            assertThat(trail.properties()).containsEntry("logging", true).containsEntry("s3BucketName", "acme-trail")
                    .containsEntry("kmsKeyId", "${Key}").containsEntry("multiRegion", false).containsEntry("managementEvents", "All");
            assertThat(trail.relations()).extracting(Relation::kind).containsExactly("logs-to", "uses-key");
        }
    }

    @Nested
    class ComputeAndMonitoring {
        @Test
        void aFunctionsPermissionsBecomeItsPolicyAndItsUrlSaysHowItIsInvoked() throws IOException {
            Resource f = resource("Fn", """
                    Resources:
                      Fn:
                        Type: AWS::Lambda::Function
                        Properties:
                          FunctionName: orders-forwarder
                          Runtime: python3.12
                          Role: !GetAtt FnRole.Arn
                          Environment: {Variables: {DB_PASSWORD: hunter2, STAGE: staging}}
                      FnRole:
                        Type: AWS::IAM::Role
                        Properties: {AssumeRolePolicyDocument: {Statement: []}}
                      Anyone:
                        Type: AWS::Lambda::Permission
                        Properties: {FunctionName: !Ref Fn, Action: "lambda:InvokeFunctionUrl", Principal: "*", FunctionUrlAuthType: NONE}
                      FromBucket:
                        Type: AWS::Lambda::Permission
                        Properties: {FunctionName: !GetAtt Fn.Arn, Action: "lambda:InvokeFunction", Principal: s3.amazonaws.com, SourceAccount: "111122223333"}
                      Url:
                        Type: AWS::Lambda::Url
                        Properties: {TargetFunctionArn: !Ref Fn, AuthType: NONE}
                    """);
            assertThat(f.properties()).containsEntry("urlAuthType", "NONE").containsEntry("role", "${FnRole}").containsEntry("vpcId", "")
                    .containsEntry("environmentVariableNames", List.of("DB_PASSWORD", "STAGE"));
            assertThat(f.properties().toString()).doesNotContain("hunter2");
            assertThat((List<Map<String, Object>>) at(f, "policy.statements")).extracting(s -> s.get("principals"))
                    .containsExactly(List.of("*"), List.of("s3.amazonaws.com"));
        }

        @Test
        void aLogGroupKeepsEventsForeverUnlessToldAndATopicWithSubscribersHasUnknownCounts() throws IOException {
            Collected c = read("""
                    Resources:
                      Logs:
                        Type: AWS::Logs::LogGroup
                      Alerts:
                        Type: AWS::SNS::Topic
                        Properties:
                          TopicName: alerts
                          Subscription: [{Protocol: email, Endpoint: sec@example.com}]
                      Quiet:
                        Type: AWS::SNS::Topic
                        Properties: {KmsMasterKeyId: alias/aws/sns}
                    """);
            Resource logs = c.resources().stream().filter(r -> r.id().endsWith("#Logs")).findFirst().orElseThrow();
            assertThat(logs.properties()).containsEntry("retentionDays", 0L).containsEntry("kmsKeyId", "");
            Resource alerts = c.resources().stream().filter(r -> r.id().endsWith("#Alerts")).findFirst().orElseThrow();
            assertThat(alerts.unknowns()).containsKeys("confirmedSubscriptions", "pendingSubscriptions");
            assertThat(alerts.properties()).containsEntry("kmsMasterKeyId", "");
            Resource quiet = c.resources().stream().filter(r -> r.id().endsWith("#Quiet")).findFirst().orElseThrow();
            assertThat(quiet.properties()).containsEntry("confirmedSubscriptions", 0L).containsEntry("kmsMasterKeyId", "alias/aws/sns");
        }

        @Test
        void aSecretRotatesOnlyWithARotationSchedule() throws IOException {
            Collected c = read("""
                    Resources:
                      Plain:
                        Type: AWS::SecretsManager::Secret
                        Properties: {Name: plain}
                      Rotated:
                        Type: AWS::SecretsManager::Secret
                        Properties: {Name: rotated, KmsKeyId: !Ref Key}
                      Key:
                        Type: AWS::KMS::Key
                      Schedule:
                        Type: AWS::SecretsManager::RotationSchedule
                        Properties: {SecretId: !Ref Rotated, RotationRules: {AutomaticallyAfterDays: 30}}
                    """);
            Resource plain = c.resources().stream().filter(r -> r.name().equals("plain")).findFirst().orElseThrow();
            assertThat(plain.properties()).containsEntry("rotationEnabled", false).containsEntry("lastRotatedDate", "").containsEntry("kmsKeyId", "");
            Resource rotated = c.resources().stream().filter(r -> r.name().equals("rotated")).findFirst().orElseThrow();
            assertThat(rotated.properties()).containsEntry("rotationEnabled", true).containsEntry("rotationDays", 30L).containsEntry("kmsKeyId", "${Key}");
            assertThat(rotated.unknowns()).containsKeys("lastRotatedDate", "createdDate");
        }

        @Test
        void aClusterTakesTheEksDefaultsOfAnOpenEndpointAndNoLogs() throws IOException {
            Resource k = resource("K", """
                    Resources:
                      K:
                        Type: AWS::EKS::Cluster
                        Properties:
                          Name: orders
                          Version: "1.31"
                          RoleArn: arn:aws:iam::111122223333:role/eks
                          ResourcesVpcConfig: {SubnetIds: [subnet-1, subnet-2]}
                    """);
            assertThat(k.properties()).containsEntry("endpointPublicAccess", true).containsEntry("publicAccessCidrs", List.of("0.0.0.0/0"))
                    .containsEntry("enabledLogTypes", List.of()).containsEntry("secretsEncryptionKeyArn", "").containsEntry("version", "1.31");
        }

        @Test
        void anAlarmsActionsAreKnownAndItsStateIsNot() throws IOException {
            Resource al = resource("Al", """
                    Resources:
                      Topic:
                        Type: AWS::SNS::Topic
                      Al:
                        Type: AWS::CloudWatch::Alarm
                        Properties:
                          AlarmName: root-usage
                          Namespace: CISBenchmark
                          MetricName: RootUsage
                          ComparisonOperator: GreaterThanOrEqualToThreshold
                          Threshold: 1
                          EvaluationPeriods: 1
                          Period: 300
                          AlarmActions: [!Ref Topic]
                    """);
            assertThat(al.properties()).containsEntry("alarmActions", List.of("${Topic}")).containsEntry("actionsEnabled", true)
                    .containsEntry("threshold", 1.0).containsEntry("periodSeconds", 300L);
            assertThat(al.unknowns()).containsKey("state");
        }

        @Test
        void aLoadBalancerTakesTheElbDefaultsAndItsListenersJoinIt() throws IOException {
            Collected c = read("""
                    Resources:
                      Lb:
                        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                        Properties:
                          Subnets: [subnet-1, subnet-2]
                          LoadBalancerAttributes: [{Key: deletion_protection.enabled, Value: "true"}]
                      Http:
                        Type: AWS::ElasticLoadBalancingV2::Listener
                        Properties:
                          LoadBalancerArn: !Ref Lb
                          Protocol: HTTP
                          Port: 80
                          DefaultActions: [{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}}]
                      Https:
                        Type: AWS::ElasticLoadBalancingV2::Listener
                        Properties:
                          LoadBalancerArn: !Ref Lb
                          Protocol: HTTPS
                          Port: 443
                          DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/x/1}]
                    """);
            Resource lb = c.resources().stream().filter(r -> r.id().endsWith("#Lb")).findFirst().orElseThrow();
            assertThat(lb.properties()).containsEntry("type", "application").containsEntry("scheme", "internet-facing")
                    .containsEntry("deletionProtection", true).containsEntry("dropInvalidHeaderFields", false).containsEntry("desyncMitigationMode", "defensive");
            assertThat((Object) at(lb, "accessLogs.enabled")).isEqualTo(false);
            assertThat(lb.unknowns()).containsKey("availabilityZones");
            Resource http = c.resources().stream().filter(r -> r.id().endsWith("#Http")).findFirst().orElseThrow();
            assertThat(http.properties()).containsEntry("redirectsToHttps", true).containsEntry("port", 80L);
            assertThat(http.relations()).containsExactly(new Relation("member-of", "aws.elbv2.load-balancer", lb.id()));
            Resource https = c.resources().stream().filter(r -> r.id().endsWith("#Https")).findFirst().orElseThrow();
            assertThat(https.unknowns()).containsKey("sslPolicy");
        }

        @Test
        void aDistributionWithoutCertificateUsesTheDefaultOneAndItsBucketOriginIsS3() throws IOException {
            Resource cdn = resource("Cdn", """
                    Resources:
                      Site:
                        Type: AWS::S3::Bucket
                      Cdn:
                        Type: AWS::CloudFront::Distribution
                        Properties:
                          DistributionConfig:
                            Enabled: true
                            Comment: marketing site
                            DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: allow-all}
                            Origins:
                              - {Id: site, DomainName: !GetAtt Site.RegionalDomainName, S3OriginConfig: {OriginAccessIdentity: ""}}
                              - {Id: api, DomainName: api.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only, OriginSSLProtocols: [TLSv1.2]}}
                    """);
            assertThat(cdn.name()).isEqualTo("marketing site");
            assertThat(cdn.properties()).containsEntry("defaultCertificate", true).containsEntry("minimumProtocolVersion", "TLSv1")
                    .containsEntry("viewerProtocolPolicies", List.of("allow-all")).containsEntry("webAclId", "").containsEntry("defaultRootObject", "");
            assertThat((List<Map<String, Object>>) at(cdn, "origins")).extracting(o -> o.get("type") + " " + o.get("originAccessControlId") + " " + o.get("originSslProtocols"))
                    .containsExactly("s3  []", "custom  [TLSv1.2]");
            assertThat((Object) at(cdn, "logging.enabled")).isEqualTo(false);
        }
    }
}
