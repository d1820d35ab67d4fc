package dev.vigil.iac.cloudformation;

import dev.vigil.iac.IacPaths;
import dev.vigil.model.input.InlineSuppression;
import java.util.List;
import java.util.Map;

/**
 * One resource of a template after evaluation: the common ground between the template reader and
 * the AWS mappers.
 *
 * @param logicalId    its name in the template's Resources
 * @param type         {@code AWS::S3::Bucket}
 * @param source       the template file as shown to users; with the logical id it makes the canonical id
 * @param startLine    the line of its logical id, 1-based
 * @param endLine      the last line of its definition
 * @param properties   its Properties, evaluated: intrinsic functions applied, {@code AWS::NoValue}
 *                     removed, and {@link dev.vigil.iac.Unresolved} where a value is known only at
 *                     deploy (or depends on a parameter without value)
 * @param suppressions the {@code vigil:ignore} marks written on it, with {@link #id()} as resource id
 * @param lines        the line of each property key as written ({@code VersioningConfiguration.Status}; the
 *                     first item of a list stands for all), for pointing results at them
 */
public record CfnResource(String logicalId, String type, String source, int startLine, int endLine, Map<String, Object> properties,
                          List<InlineSuppression> suppressions, Map<String, Integer> lines) {

    public CfnResource {
        properties = properties == null ? Map.of() : properties;
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    public CfnResource(String logicalId, String type, String source, int startLine, int endLine, Map<String, Object> properties,
                       List<InlineSuppression> suppressions) {
        this(logicalId, type, source, startLine, endLine, properties, suppressions, Map.of());
    }

    /** {@code <template>#<LogicalId>}. */
    public String id() {
        return IacPaths.resourceId(source, logicalId);
    }
}
