package dev.vigil.iac.terraform;

import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.iac.terraform.aws.cloudfront.Distributions;
import dev.vigil.iac.terraform.aws.cloudtrail.Trails;
import dev.vigil.iac.terraform.aws.ec2.Instances;
import dev.vigil.iac.terraform.aws.ec2.Snapshots;
import dev.vigil.iac.terraform.aws.eks.Clusters;
import dev.vigil.iac.terraform.aws.elbv2.LoadBalancers;
import dev.vigil.iac.terraform.aws.ec2.NetworkAcls;
import dev.vigil.iac.terraform.aws.ec2.SecurityGroups;
import dev.vigil.iac.terraform.aws.ec2.Vpcs;
import dev.vigil.iac.terraform.aws.iam.Iam;
import dev.vigil.iac.terraform.aws.kms.KmsKeys;
import dev.vigil.iac.terraform.aws.lambda.Functions;
import dev.vigil.iac.terraform.aws.monitoring.Monitoring;
import dev.vigil.iac.terraform.aws.secretsmanager.Secrets;
import dev.vigil.iac.terraform.aws.rds.DbInstances;
import dev.vigil.iac.terraform.aws.s3.S3Buckets;
import dev.vigil.model.Resource;
import dev.vigil.model.input.InlineSuppression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Terraform AWS resources into canonical resources: each {@code aws_*} type that Vigil models is
 * mapped to its canonical record, and the split resources that configure another one
 * ({@code aws_s3_bucket_policy}, {@code aws_security_group_rule}, {@code aws_iam_role_policy}, ...)
 * are joined to it, by name or by the reference their {@link dev.vigil.iac.Unresolved} keeps.
 */
public final class TerraformAws {
    /** The primary types and their mappers, in the order they are mapped. */
    private static final Map<String, BiFunction<TfResource, Joins, List<Resource>>> PRIMARY = new LinkedHashMap<>();
    /** Types that only configure a primary: joined, or counted as unmodelled when their primary is not in the scan. */
    private static final Set<String> SPLITS = new HashSet<>();

    static {
        one("aws_s3_bucket", S3Buckets::map);
        one("aws_security_group", SecurityGroups::map);
        one("aws_default_security_group", SecurityGroups::map);
        one("aws_network_acl", NetworkAcls::map);
        one("aws_default_network_acl", NetworkAcls::map);
        one("aws_vpc", Vpcs::map);
        one("aws_default_vpc", Vpcs::map);
        one("aws_subnet", Instances::subnet);
        PRIMARY.put("aws_instance", Instances::map);
        one("aws_ebs_volume", Instances::volume);
        one("aws_db_instance", DbInstances::map);
        one("aws_kms_key", KmsKeys::map);
        one("aws_cloudtrail", Trails::map);
        one("aws_iam_user", Iam::user);
        one("aws_iam_group", Iam::group);
        one("aws_iam_role", Iam::role);
        one("aws_iam_policy", Iam::policy);
        one("aws_iam_instance_profile", Iam::instanceProfile);
        one("aws_cloudwatch_log_group", Monitoring::logGroup);
        one("aws_cloudwatch_log_metric_filter", Monitoring::metricFilter);
        one("aws_cloudwatch_metric_alarm", Monitoring::alarm);
        one("aws_sns_topic", Monitoring::topic);
        one("aws_secretsmanager_secret", Secrets::map);
        one("aws_lambda_function", Functions::map);
        one("aws_lb", LoadBalancers::loadBalancer);
        one("aws_alb", LoadBalancers::loadBalancer);
        one("aws_lb_listener", LoadBalancers::listener);
        one("aws_alb_listener", LoadBalancers::listener);
        one("aws_eks_cluster", Clusters::map);
        one("aws_ebs_snapshot", Snapshots::ebs);
        one("aws_db_snapshot", Snapshots::db);
        one("aws_cloudfront_distribution", Distributions::map);
        for (List<String> s : List.of(S3Buckets.SPLITS, SecurityGroups.SPLITS, NetworkAcls.SPLITS, Vpcs.SPLITS, Instances.SPLITS,
                KmsKeys.SPLITS, Iam.SPLITS, Monitoring.SPLITS, Secrets.SPLITS, Functions.SPLITS, Snapshots.SPLITS)) {
            SPLITS.addAll(s);
        }
    }

    private static void one(String type, BiFunction<TfResource, Joins, Resource> mapper) {
        PRIMARY.put(type, (r, j) -> List.of(mapper.apply(r, j)));
    }

    private TerraformAws() {
    }

    /**
     * @param resources   canonical resources, with their origin at the declaring block
     * @param suppressions the marks of the input resources, re-aimed at the canonical resource each one configures
     * @param unmodelled  Terraform types read but not modelled, counted
     */
    public record Mapped(List<Resource> resources, List<InlineSuppression> suppressions, Map<String, Long> unmodelled) {
    }

    /**
     * Maps every resource of one scan (one or several root modules). Data sources are not
     * resources and are skipped. A split resource whose primary is not among {@code resources} is
     * counted as unmodelled under its type, like a type Vigil does not model.
     */
    public static Mapped map(List<TfResource> resources) {
        // Data sources read what exists elsewhere; they declare nothing to check.
        resources = resources.stream().filter(r -> !isDataSource(r.address())).toList();
        Joins joins = new Joins(resources);
        List<Resource> out = new ArrayList<>();
        List<InlineSuppression> suppressions = new ArrayList<>();
        for (var e : PRIMARY.entrySet()) {
            for (TfResource r : joins.ofType(e.getKey())) {
                List<Resource> mapped = e.getValue().apply(r, joins);
                out.addAll(mapped);
                suppressions.addAll(r.suppressions());
                // A mark on an instance also covers the volumes its block devices become.
                for (Resource m : mapped) {
                    if (m.id().equals(r.id())) continue;
                    for (InlineSuppression s : r.suppressions()) {
                        suppressions.add(new InlineSuppression(m.id(), s.rule(), s.reason(), s.expires(), s.file(), s.line()));
                    }
                }
            }
        }
        suppressions.addAll(joins.reaimedSuppressions());
        Map<String, Long> unmodelled = new TreeMap<>();
        for (TfResource r : resources) {
            if (PRIMARY.containsKey(r.type()) || joins.isConsumed(r)) continue;
            unmodelled.merge(r.type(), 1L, Long::sum);
        }
        return new Mapped(out, suppressions, unmodelled);
    }

    /** {@code data.aws_caller_identity.x}, also inside modules ({@code module.m.data.aws_iam_policy_document.p}). */
    static boolean isDataSource(String address) {
        return TerraformPlanInput.localAddress(address).startsWith("data.");
    }

    /** True for the types that configure another resource rather than being one. */
    public static boolean isSplit(String type) {
        return SPLITS.contains(type);
    }
}
