package dev.vigil.aws.config;

import dev.vigil.model.Relation;
import dev.vigil.model.ResourceType;
import java.util.List;
import java.util.Map;

/** A configuration item turned into a canonical record, with what it could not tell and its relations. */
record Mapped(ResourceType type, String id, String name, Record properties, Map<String, String> unknowns, List<Relation> relations) {
}
