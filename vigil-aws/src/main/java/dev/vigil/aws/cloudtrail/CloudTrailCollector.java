package dev.vigil.aws.cloudtrail;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.s3.S3Mapper;
import dev.vigil.model.aws.AwsTypes;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * The trails whose home is the unit's region. Shadow trails (a multi-region trail seen from its
 * other regions, an organization trail seen from member accounts) are left out, so each trail is
 * read once, in its home region, as AWS Config records it.
 */
public final class CloudTrailCollector implements Collector {

    @Override
    public String service() {
        return "cloudtrail";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.CLOUDTRAIL_TRAIL.id());
    }

    @Override
    public List<String> actions() {
        return List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors");
    }

    @Override
    public void collect(CollectContext ctx) {
        CloudTrailClient ct = ctx.client(CloudTrailClient::builder);
        List<Trail> trails = ctx.call("cloudtrail:DescribeTrails", () -> ct.describeTrails(r -> r.includeShadowTrails(false)).trailList());
        ctx.forEach(trails, t -> {
            var reads = new CloudTrailMapper.TrailReads(t,
                    ctx.read("cloudtrail:GetTrailStatus", Set.of(), () -> ct.getTrailStatus(r -> r.name(t.trailARN()))),
                    ctx.read("cloudtrail:GetEventSelectors", Set.of(), () -> ct.getEventSelectors(r -> r.trailName(t.trailARN()))));
            CloudTrailMapper.Mapped m = CloudTrailMapper.trail(reads);
            String bucket = m.trail().s3BucketName();
            ctx.resource(AwsTypes.CLOUDTRAIL_TRAIL, t.trailARN()).name(t.name()).properties(m.trail()).failures(m.failures())
                    .relation("logs-to", AwsTypes.S3_BUCKET, bucket.isEmpty() ? null : S3Mapper.arn(ctx.partition(), bucket))
                    .relation("uses-key", AwsTypes.KMS_KEY, m.trail().kmsKeyId())
                    .api("cloudtrail:DescribeTrails").emit();
        });
    }
}
