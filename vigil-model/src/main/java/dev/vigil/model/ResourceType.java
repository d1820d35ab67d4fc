package dev.vigil.model;

import dev.vigil.model.schema.RecordSchemas;
import dev.vigil.model.schema.Schema;

/**
 * A canonical resource type: its stable id ({@code aws.s3.bucket}), and the record whose shape is
 * the schema of its {@code properties}.
 */
public record ResourceType(String id, String provider, String description, Class<? extends Record> model) {

    public Schema.Obj schema() {
        return RecordSchemas.of(model);
    }
}
