package dev.vigil.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The registry of canonical types. Registration is explicit; a duplicate id fails at start-up. */
public final class ResourceTypes {
    private final Map<String, ResourceType> byId = new LinkedHashMap<>();

    public ResourceTypes register(ResourceType type) {
        if (byId.putIfAbsent(type.id(), type) != null) {
            throw new IllegalStateException("resource type " + type.id() + " is registered twice");
        }
        return this;
    }

    public ResourceTypes registerAll(Collection<ResourceType> types) {
        types.forEach(this::register);
        return this;
    }

    public Optional<ResourceType> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<ResourceType> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Every type Vigil knows today. */
    public static ResourceTypes standard() {
        return new ResourceTypes().registerAll(dev.vigil.model.aws.AwsTypes.ALL).registerAll(dev.vigil.model.k8s.K8sTypes.ALL);
    }
}
