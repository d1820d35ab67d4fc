package dev.vigil.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.aws.iam.CredentialReport;
import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.account.Account;
import dev.vigil.model.aws.account.Region;
import dev.vigil.model.aws.ec2.Vpc;
import dev.vigil.model.aws.s3.PublicAccessBlock;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.model.input.InputException;
import dev.vigil.model.input.ScanInput;
import dev.vigil.model.schema.Documents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Offline AWS: AWS Config snapshots, history files and items, plus the IAM credential report and
 * password policy that Config does not record. Produces the same canonical resources as a live scan.
 *
 * <p>When several items describe one resource (history files, overlapping snapshots) the latest
 * capture wins; a deleted resource is dropped. Items of types Vigil does not model are counted.
 */
public final class ConfigSnapshotInput implements ScanInput {
    static final String NO_PASSWORD_POLICY = "AWS Config does not record the IAM password policy; add the output of "
            + "'aws iam get-account-password-policy' to the scan";
    static final String NO_EBS_DEFAULT = "AWS Config does not record EBS encryption by default (ec2:GetEbsEncryptionByDefault)";
    static final String NO_ACCOUNT_SUMMARY = "AWS Config does not record the IAM account summary (iam:GetAccountSummary)";
    static final String NO_ROOT_MFA_DEVICE = "AWS Config does not record the root user's MFA device (iam:ListVirtualMFADevices)";

    /** Config types whose items become settings of aws.account or aws.region rather than resources. */
    private static final Set<String> SETTINGS = Set.of("AWS::S3::AccountPublicAccessBlock", "AWS::Config::ConfigurationRecorder",
            "AWS::GuardDuty::Detector", "AWS::SecurityHub::Hub", "AWS::AccessAnalyzer::Analyzer", "AWS::EC2::FlowLog");
    private static final Set<String> MODELLED = Set.of("AWS::S3::Bucket", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role",
            "AWS::IAM::Policy", "AWS::EC2::SecurityGroup", "AWS::EC2::NetworkAcl", "AWS::EC2::VPC", "AWS::EC2::Instance",
            "AWS::EC2::Volume", "AWS::RDS::DBInstance", "AWS::KMS::Key", "AWS::CloudTrail::Trail");

    @Override
    public String id() {
        return "aws-config";
    }

    @Override
    public boolean claims(Path file) {
        return ConfigFiles.claims(file);
    }

    @Override
    public Collected read(List<Path> files) {
        Reading r = new Reading();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.toString());
            switch (ConfigFiles.read(f, r::accept)) {
                case ConfigFiles.Items items -> { }
                case ConfigFiles.Report report -> r.reports.put(report.report().accountId(), report.report());
                case ConfigFiles.Policy policy -> r.policies.add(policy);
            }
        }
        return r.finish(names);
    }

    /** The state of one read: the latest item per resource, then everything derived from them all. */
    private static final class Reading {
        final Map<String, ConfigItem> latest = new LinkedHashMap<>();
        final Map<String, CredentialReport> reports = new HashMap<>();
        final List<ConfigFiles.Policy> policies = new ArrayList<>();
        final Map<String, Long> unmodelled = new TreeMap<>();
        final RecordingCoverage coverage = new RecordingCoverage();
        final Set<String> accounts = new TreeSet<>();
        final Map<String, Set<String>> regions = new TreeMap<>();
        Instant newest;

        void accept(ConfigItem item) {
            String key = item.accountId() + "|" + item.region() + "|" + item.resourceType() + "|" + item.resourceId() + "|" + item.arn();
            ConfigItem prior = latest.get(key);
            if (prior == null || newer(item, prior)) latest.put(key, item);
        }

        private static boolean newer(ConfigItem a, ConfigItem b) {
            if (a.captureTime() != null && b.captureTime() != null && !a.captureTime().equals(b.captureTime())) {
                return a.captureTime().isAfter(b.captureTime());
            }
            return a.stateId() >= b.stateId();
        }

        Collected finish(List<String> files) {
            List<ConfigItem> items = new ArrayList<>();
            for (ConfigItem item : latest.values()) {
                if (item.deleted() || item.notRecorded()) continue;
                items.add(item);
                accounts.add(item.accountId());
                if (!item.region().isEmpty() && !item.region().equals("global")) {
                    regions.computeIfAbsent(item.accountId(), k -> new TreeSet<>()).add(item.region());
                }
                coverage.saw(item.accountId(), item.region(), item.resourceType());
                if (item.captureTime() != null && (newest == null || item.captureTime().isAfter(newest))) newest = item.captureTime();
                if (item.resourceType().equals("AWS::Config::ConfigurationRecorder")) {
                    JsonNode c = item.configuration();
                    JsonNode group = Json.get(c, "recordingGroup");
                    coverage.recorder(item.accountId(), item.region(), new RecordingCoverage.Recorder(Json.bool(c, "recording"),
                            Json.bool(group, "allSupported"), Json.bool(group, "includeGlobalResourceTypes"), Json.texts(group, "resourceTypes")));
                }
            }
            accounts.addAll(reports.keySet());
            ConfigFiles.Policy policy = policyFor();

            Map<String, List<Vpc.FlowLog>> flowLogs = new HashMap<>();
            Map<String, List<String>> groupMembers = new HashMap<>();
            Map<String, Map<String, JsonNode>> settings = new HashMap<>();
            for (ConfigItem item : items) {
                switch (item.resourceType()) {
                    case "AWS::EC2::FlowLog" -> flowLogs.computeIfAbsent(item.accountId() + "|" + item.region() + "|" + Ec2ConfigMapper.flowLogVpc(item),
                            k -> new ArrayList<>()).add(Ec2ConfigMapper.flowLog(item));
                    case "AWS::IAM::User" -> {
                        String user = Json.text(item.configuration(), "userName");
                        for (String g : Json.texts(item.configuration(), "groupList")) {
                            groupMembers.computeIfAbsent(item.accountId() + "|" + g, k -> new ArrayList<>()).add(user);
                        }
                    }
                    default -> { }
                }
                if (SETTINGS.contains(item.resourceType())) {
                    settings.computeIfAbsent(item.accountId() + "|" + item.region(), k -> new HashMap<>()).put(item.resourceType(), item.configuration());
                    if (item.resourceType().equals("AWS::S3::AccountPublicAccessBlock")) {
                        settings.computeIfAbsent(item.accountId() + "|*", k -> new HashMap<>()).put(item.resourceType(), item.configuration());
                    }
                }
            }

            List<Resource> resources = new ArrayList<>();
            Set<String> usersSeen = new TreeSet<>();
            for (ConfigItem item : items) {
                String t = item.resourceType();
                if (SETTINGS.contains(t)) continue;
                if (!MODELLED.contains(t)) {
                    unmodelled.merge(t, 1L, Long::sum);
                    continue;
                }
                Mapped m = switch (t) {
                    case "AWS::S3::Bucket" -> S3ConfigMapper.bucket(item);
                    case "AWS::IAM::User" -> {
                        usersSeen.add(item.accountId() + "|" + Json.text(item.configuration(), "userName"));
                        yield IamConfigMapper.user(item, reports.get(item.accountId()));
                    }
                    case "AWS::IAM::Group" -> IamConfigMapper.group(item,
                            groupMembers.getOrDefault(item.accountId() + "|" + Json.text(item.configuration(), "groupName"), List.of()));
                    case "AWS::IAM::Role" -> IamConfigMapper.role(item);
                    case "AWS::IAM::Policy" -> IamConfigMapper.policy(item);
                    case "AWS::EC2::SecurityGroup" -> Ec2ConfigMapper.securityGroup(item);
                    case "AWS::EC2::NetworkAcl" -> Ec2ConfigMapper.networkAcl(item);
                    case "AWS::EC2::VPC" -> {
                        String vpcId = Json.text(item.configuration(), "vpcId").isEmpty() ? item.resourceId() : Json.text(item.configuration(), "vpcId");
                        List<Vpc.FlowLog> logs = flowLogs.get(item.accountId() + "|" + item.region() + "|" + vpcId);
                        boolean known = logs != null || coverage.recorded(item.accountId(), item.region(), "AWS::EC2::FlowLog");
                        yield Ec2ConfigMapper.vpc(item, known ? (logs == null ? List.of() : logs) : null);
                    }
                    case "AWS::EC2::Instance" -> Ec2ConfigMapper.instance(item);
                    case "AWS::EC2::Volume" -> Ec2ConfigMapper.volume(item);
                    case "AWS::RDS::DBInstance" -> DataConfigMapper.dbInstance(item);
                    case "AWS::KMS::Key" -> DataConfigMapper.key(item);
                    case "AWS::CloudTrail::Trail" -> DataConfigMapper.trail(item);
                    default -> throw new IllegalStateException("modelled type without a mapper: " + t);
                };
                resources.add(resource(m, item.accountId(), item.region(), item.tags(),
                        new Origin.SnapshotItem(item.file(), item.index(), item.captureTime())));
            }
            for (CredentialReport report : reports.values()) {
                for (CredentialReport.Row row : report.usersByName().values()) {
                    if (!usersSeen.contains(report.accountId() + "|" + row.user())) {
                        resources.add(resource(IamConfigMapper.userFromReport(row, report.accountId()), report.accountId(), "global", Map.of(),
                                new Origin.Derived(report.file())));
                    }
                }
            }
            for (String account : accounts) {
                resources.add(account(account, policy, settings));
                for (String region : regions.getOrDefault(account, Set.of())) {
                    resources.add(region(account, region, settings.getOrDefault(account + "|" + region, Map.of())));
                }
            }
            return new Collected(resources, gaps(policy), unmodelled, newest, files);
        }

        private ConfigFiles.Policy policyFor() {
            if (policies.isEmpty()) return null;
            if (policies.size() > 1) {
                throw new InputException(policies.get(1).file(), 0, "a second password policy file (the first is " + policies.get(0).file()
                        + "); scan one account at a time when you add password policies");
            }
            if (accounts.size() > 1) {
                throw new InputException(policies.get(0).file(), 0, "the inputs cover several accounts (" + String.join(", ", accounts)
                        + ") and a password policy file does not say which one it belongs to; scan one account at a time");
            }
            return policies.get(0);
        }

        private Resource account(String account, ConfigFiles.Policy policy, Map<String, Map<String, JsonNode>> settings) {
            Map<String, String> unknowns = new HashMap<>();
            CredentialReport report = reports.get(account);
            Account.RootUser root = null;
            if (report != null && report.root() != null) {
                CredentialReport.Row r = report.root();
                root = new Account.RootUser(r.mfaActive(), r.activeAccessKeys(), r.passwordLastUsed());
            } else {
                unknowns.put("root", report == null ? IamConfigMapper.NO_REPORT : "the credential report " + report.file() + " has no <root_account> row");
            }
            if (policy == null) unknowns.put("passwordPolicy", NO_PASSWORD_POLICY);
            JsonNode pab = settings.getOrDefault(account + "|*", Map.of()).get("AWS::S3::AccountPublicAccessBlock");
            PublicAccessBlock block = null;
            if (pab != null) {
                block = S3ConfigMapper.publicAccessBlock(pab);
            } else if (coverage.recordedAnywhere(account, regions.getOrDefault(account, Set.of()), "AWS::S3::AccountPublicAccessBlock")) {
                block = PublicAccessBlock.NONE;
            } else {
                unknowns.put("s3PublicAccessBlock", "the inputs have no AWS::S3::AccountPublicAccessBlock item and do not show that Config records it");
            }
            unknowns.put("summary", NO_ACCOUNT_SUMMARY);
            unknowns.put("rootHardwareMfa", NO_ROOT_MFA_DEVICE);
            unknowns.put("organization", "AWS Config does not record the account's AWS Organizations membership");
            Account a = new Account(account, policy == null ? null : policy.policy(), root, block, null, null, null);
            return new Resource("aws", AwsTypes.ACCOUNT.id(), account, account, account, "global", Map.of(), Documents.of(a), unknowns,
                    new Origin.Derived("the scan's inputs for account " + account), List.of());
        }

        private Resource region(String account, String region, Map<String, JsonNode> s) {
            Map<String, String> unknowns = new HashMap<>();
            unknowns.put("ebsEncryptionByDefault", NO_EBS_DEFAULT);
            RecordingCoverage.Recorder rec = coverage.recorder(account, region);
            Region.ConfigRecorder recorder;
            if (rec != null) {
                recorder = new Region.ConfigRecorder(true, rec.recording(), rec.allSupported(), rec.includeGlobal());
                if (rec.recording() == null) unknowns.put("configRecorder.recording", "the recorder item does not say whether it is recording");
                if (rec.allSupported() == null) unknowns.put("configRecorder.allSupported", "the recorder item has no recording group");
                if (rec.includeGlobal() == null) unknowns.put("configRecorder.includeGlobalResourceTypes", "the recorder item has no recording group");
            } else {
                // Items from this region prove a recorder ran here; what it records is not told.
                recorder = new Region.ConfigRecorder(true, null, null, null);
                String why = "the inputs have no AWS::Config::ConfigurationRecorder item for " + region;
                unknowns.put("configRecorder.recording", why);
                unknowns.put("configRecorder.allSupported", why);
                unknowns.put("configRecorder.includeGlobalResourceTypes", why);
            }
            Boolean guardDuty = service(account, region, s, "AWS::GuardDuty::Detector", "guardDutyEnabled", unknowns);
            if (Boolean.TRUE.equals(guardDuty)) {
                JsonNode d = s.get("AWS::GuardDuty::Detector");
                guardDuty = Json.boolOr(d, "enable", true) && !Json.text(d, "status").equalsIgnoreCase("DISABLED");
            }
            Boolean hub = service(account, region, s, "AWS::SecurityHub::Hub", "securityHubEnabled", unknowns);
            Boolean analyzer = service(account, region, s, "AWS::AccessAnalyzer::Analyzer", "accessAnalyzerEnabled", unknowns);
            if (Boolean.TRUE.equals(analyzer)) {
                String status = Json.text(s.get("AWS::AccessAnalyzer::Analyzer"), "status");
                analyzer = status.isEmpty() || status.equalsIgnoreCase("ACTIVE");
            }
            Region r = new Region(region, null, recorder, guardDuty, hub, analyzer);
            return new Resource("aws", AwsTypes.REGION.id(), account + "/" + region, region, account, region, Map.of(), Documents.of(r), unknowns,
                    new Origin.Derived("the scan's inputs for " + account + " " + region), List.of());
        }

        /** True when an item of the service exists, false when the type is recorded and none exists, else unknown. */
        private Boolean service(String account, String region, Map<String, JsonNode> s, String type, String field, Map<String, String> unknowns) {
            if (s.containsKey(type)) return true;
            if (coverage.recorded(account, region, type)) return false;
            unknowns.put(field, "the inputs have no " + type + " item for " + region + " and do not show that Config records that type");
            return null;
        }

        private List<CoverageGap> gaps(ConfigFiles.Policy policy) {
            List<CoverageGap> gaps = new ArrayList<>();
            for (String account : accounts) {
                if (!reports.containsKey(account)) gaps.add(new CoverageGap(account + " IAM credentials (root, passwords, MFA, access keys)", IamConfigMapper.NO_REPORT));
                if (policy == null) gaps.add(new CoverageGap(account + " IAM password policy", NO_PASSWORD_POLICY));
                for (String region : regions.getOrDefault(account, Set.of())) {
                    gaps.add(new CoverageGap(account + " " + region + " EBS encryption by default", NO_EBS_DEFAULT));
                }
            }
            if (latest.values().stream().anyMatch(i -> i.resourceType().equals("AWS::CloudTrail::Trail"))) {
                gaps.add(new CoverageGap("CloudTrail trail status", DataConfigMapper.NO_TRAIL_STATUS));
            }
            return gaps;
        }
    }

    private static Resource resource(Mapped m, String account, String region, Map<String, String> tags, Origin origin) {
        return new Resource("aws", m.type().id(), m.id(), m.name(), account, region.isEmpty() ? "global" : region, tags,
                Documents.of(m.properties()), m.unknowns(), origin, m.relations());
    }
}
