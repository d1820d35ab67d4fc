package dev.vigil.aws.iam;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.aws.live.Settings;
import dev.vigil.model.aws.AwsTypes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * IAM, once per account: users (with the credential report), groups, roles and customer managed
 * policies from one paginated {@code GetAccountAuthorizationDetails}, instance profiles, server
 * certificates, SAML providers, and the account's password policy, root user, IAM summary and
 * root MFA kind.
 *
 * <p>Every listing is made before anything is emitted; any failed listing escapes, and the scan
 * records a gap over all IAM types. The account settings are read first, each on its own, so a
 * failed listing leaves the ones already read standing.
 */
public final class IamCollector implements Collector {
    private static final Set<String> NO_PASSWORD_POLICY = Set.of("NoSuchEntity");
    /** AWS-managed policies are not emitted (AWS Config does not record them either); rules read them by ARN from attachments. */
    private static final List<EntityType> LISTED = List.of(EntityType.USER, EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY);

    private final Duration reportWait;

    /** Waits up to a minute for IAM to generate the credential report. */
    public IamCollector() {
        this(Duration.ofSeconds(60));
    }

    /** @param reportWait how long to wait for the credential report before its fields fail */
    public IamCollector(Duration reportWait) {
        this.reportWait = reportWait;
    }

    @Override
    public String service() {
        return "iam";
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.IAM_USER.id(), AwsTypes.IAM_GROUP.id(), AwsTypes.IAM_ROLE.id(), AwsTypes.IAM_POLICY.id(),
                AwsTypes.IAM_INSTANCE_PROFILE.id(), AwsTypes.IAM_SERVER_CERTIFICATE.id(), AwsTypes.IAM_SAML_PROVIDER.id());
    }

    @Override
    public Set<String> settings() {
        return Set.of("account.passwordPolicy", "account.root", "account.summary", "account.rootHardwareMfa");
    }

    @Override
    public List<String> actions() {
        return List.of("iam:GetAccountPasswordPolicy", "iam:GetAccountSummary", "iam:ListVirtualMFADevices", "iam:GenerateCredentialReport",
                "iam:GetCredentialReport", "iam:GetAccountAuthorizationDetails", "iam:ListInstanceProfiles", "iam:ListServerCertificates",
                "iam:ListSAMLProviders");
    }

    @Override
    public void collect(CollectContext ctx) {
        IamClient iam = ctx.client(IamClient::builder);
        Settings account = ctx.accountSettings();

        try {
            var policy = ctx.callOrAbsent("iam:GetAccountPasswordPolicy", NO_PASSWORD_POLICY, () -> iam.getAccountPasswordPolicy().passwordPolicy());
            account.put("passwordPolicy", IamMapper.passwordPolicy(policy.orElse(null)));
        } catch (ApiFailure f) {
            account.fail("passwordPolicy", f.getMessage());
        }

        Read<GetAccountSummaryResponse> summary = ctx.read("iam:GetAccountSummary", Set.of(), iam::getAccountSummary);
        Read<List<VirtualMFADevice>> devices = ctx.read("iam:ListVirtualMFADevices", Set.of(),
                () -> iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED)).virtualMFADevices().stream().toList());
        rootMfa(ctx, summary, devices);

        Read<CredentialReport> report = IamMapper.credentialReport(credentialReport(ctx, iam));
        switch (report) {
            case Read.Found<CredentialReport> f when f.value().root() != null -> account.put("root", IamMapper.root(f.value().root()));
            case Read.Found<CredentialReport> f -> account.unknown("root", "the credential report has no <root_account> row");
            case Read.Failed<CredentialReport> x -> account.fail("root", x.failure().getMessage());
            case Read.Absent<CredentialReport> a -> account.unknown("root", "no credential report was read");
        }

        var auth = ctx.call("iam:GetAccountAuthorizationDetails", () -> IamMapper.Authorization.of(
                iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(LISTED))));
        var profiles = ctx.call("iam:ListInstanceProfiles", () -> iam.listInstanceProfilesPaginator(r -> { }).instanceProfiles().stream().toList());
        var certificates = ctx.call("iam:ListServerCertificates",
                () -> iam.listServerCertificatesPaginator(r -> { }).serverCertificateMetadataList().stream().toList());
        var providers = ctx.call("iam:ListSAMLProviders", () -> iam.listSAMLProviders().samlProviderList());

        String listing = "iam:GetAccountAuthorizationDetails";
        IamMapper.users(auth, report).forEach(m -> emit(ctx, m, listing));
        IamMapper.groups(auth).forEach(m -> emit(ctx, m, listing));
        auth.roles().forEach(r -> emit(ctx, IamMapper.role(r), listing));
        auth.policies().forEach(p -> emit(ctx, IamMapper.policy(p), listing));
        profiles.forEach(p -> emit(ctx, IamMapper.instanceProfile(p), "iam:ListInstanceProfiles"));
        certificates.forEach(c -> emit(ctx, IamMapper.serverCertificate(c), "iam:ListServerCertificates"));
        providers.forEach(p -> emit(ctx, IamMapper.samlProvider(p), "iam:ListSAMLProviders"));
    }

    private static void rootMfa(CollectContext ctx, Read<GetAccountSummaryResponse> summary, Read<List<VirtualMFADevice>> devices) {
        Settings account = ctx.accountSettings();
        switch (summary) {
            case Read.Found<GetAccountSummaryResponse> s -> {
                account.put("summary", IamMapper.summary(s.value()));
                if (devices.failure() != null) {
                    account.fail("rootHardwareMfa", devices.failure().getMessage());
                } else {
                    Boolean hardware = IamMapper.rootHardwareMfa(s.value(), devices.map(d -> d, List.of()), ctx.partition(), ctx.account());
                    if (hardware == null) account.unknown("rootHardwareMfa", "the IAM account summary has no AccountMFAEnabled");
                    else account.put("rootHardwareMfa", hardware);
                }
            }
            case Read.Failed<GetAccountSummaryResponse> x -> {
                account.fail("summary", x.failure().getMessage());
                account.fail("rootHardwareMfa", x.failure().getMessage());
            }
            case Read.Absent<GetAccountSummaryResponse> a -> {
                account.unknown("summary", "IAM returned no account summary");
                account.unknown("rootHardwareMfa", "IAM returned no account summary");
            }
        }
    }

    /**
     * Asks IAM to generate the credential report, waits (bounded) until it is ready, then reads it.
     * A report still not ready after {@link #reportWait} is a failed read; so is a denied generation
     * unless a recent report can be read as it is.
     */
    private Read<GetCredentialReportResponse> credentialReport(CollectContext ctx, IamClient iam) {
        try {
            ReportStateType state = awaitReport(() -> ctx.call("iam:GenerateCredentialReport", () -> iam.generateCredentialReport().state()),
                    reportWait, System::nanoTime, IamCollector::sleep);
            if (state != ReportStateType.COMPLETE) {
                return Read.failed(new ApiFailure("iam:GenerateCredentialReport", "ReportNotReady",
                        "the credential report was still " + state + " after " + reportWait.toSeconds() + " s", false, null));
            }
        } catch (ApiFailure f) {
            if (!f.denied()) return Read.failed(f);
            // A caller allowed to read but not to generate still gets a report someone generated in
            // the last four hours (IAM answers ReportExpired for an older one).
            Read<GetCredentialReportResponse> existing = ctx.read("iam:GetCredentialReport", Set.of(), iam::getCredentialReport);
            return existing.failure() == null ? existing : Read.failed(f);
        }
        return ctx.read("iam:GetCredentialReport", Set.of(), iam::getCredentialReport);
    }

    /**
     * Calls {@code generate} until it answers {@code COMPLETE} or {@code limit} has passed, pausing
     * a little longer each time (0.5 s, doubling, at most 5 s). Returns the last state.
     */
    static ReportStateType awaitReport(Supplier<ReportStateType> generate, Duration limit, LongSupplier nanoClock, Sleeper sleeper) {
        long deadline = nanoClock.getAsLong() + limit.toNanos();
        long pause = 500;
        while (true) {
            ReportStateType state = generate.get();
            if (state == ReportStateType.COMPLETE) return state;
            long left = deadline - nanoClock.getAsLong();
            if (left <= 0) return state;
            sleeper.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            pause = Math.min(pause * 2, 5000);
        }
    }

    /** Pauses the calling thread; a test passes one that only advances its clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the IAM credential report", e);
        }
    }

    private static void emit(CollectContext ctx, IamMapper.Mapped<?> m, String api) {
        var b = ctx.resource(m.type(), m.id()).name(m.name()).region("global").tags(m.tags()).properties(m.properties())
                .failures(m.failures()).api(api);
        m.unknowns().forEach(b::unknown);
        for (IamMapper.Link l : m.links()) b.relation(l.kind(), l.type(), l.id());
        b.emit();
    }
}
