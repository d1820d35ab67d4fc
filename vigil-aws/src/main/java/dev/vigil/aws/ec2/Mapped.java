package dev.vigil.aws.ec2;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * One canonical EC2 or VPC resource as a mapper made it: what the collector emits, and what the
 * mapper tests look at.
 *
 * @param failures property path to the failed read that kept it unknown (the rules reading it are ERROR)
 */
public record Mapped(ResourceType type, String arn, String name, Map<String, String> tags, Record properties, List<Link> links,
                     Map<String, String> failures) {

    /** A relation to another resource, by its canonical id. */
    public record Link(String kind, ResourceType target, String targetId) {
    }

    public Mapped {
        tags = Map.copyOf(tags);
        links = List.copyOf(links);
        failures = Map.copyOf(failures);
    }

    /** Hands it to the scan; {@code api} is the listing call it came from. */
    public Resource emit(CollectContext ctx, String api) {
        CollectContext.ResourceBuilder b = ctx.resource(type, arn).name(name).tags(tags).properties(properties).failures(failures).api(api);
        for (Link l : links) b.relation(l.kind(), l.target(), l.targetId());
        return b.emit();
    }
}
