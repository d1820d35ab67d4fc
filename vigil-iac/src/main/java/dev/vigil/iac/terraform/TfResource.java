package dev.vigil.iac.terraform;

import dev.vigil.iac.IacPaths;
import dev.vigil.model.input.InlineSuppression;
import java.util.List;
import java.util.Map;

/**
 * One Terraform resource instance after evaluation, whatever it was read from (HCL, a plan, a
 * state file): the common ground between the Terraform readers and the AWS mappers.
 *
 * @param type         the provider type, {@code aws_s3_bucket}
 * @param address      the full instance address, {@code module.logs.aws_s3_bucket.this["eu"]}
 * @param source       where it is declared: the root module directory, or the plan/state file
 * @param file         the file it is declared in
 * @param startLine    first line of its block (1-based; 0 when the input has no lines, as a plan)
 * @param endLine      last line of its block
 * @param attributes   the evaluated arguments, in the shape of {@code terraform show -json} values:
 *                     strings, {@code Long}, {@code Double}, booleans, lists, maps, nested blocks as
 *                     lists of maps, and {@link dev.vigil.iac.Unresolved} where the value cannot be
 *                     known statically
 * @param suppressions the {@code vigil:ignore} marks written on it, with {@link #id()} as resource id
 * @param lines        the line of each argument and nested block as written ({@code versioning_configuration.status},
 *                     blocks joined by their type, first occurrence); empty when the input has no lines (a plan)
 */
public record TfResource(String type, String address, String source, String file, int startLine, int endLine,
                         Map<String, Object> attributes, List<InlineSuppression> suppressions, Map<String, Integer> lines) {

    public TfResource {
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    public TfResource(String type, String address, String source, String file, int startLine, int endLine,
                      Map<String, Object> attributes, List<InlineSuppression> suppressions) {
        this(type, address, source, file, startLine, endLine, attributes, suppressions, Map.of());
    }

    /** The canonical id of the resource: {@code <source>#<address>}. */
    public String id() {
        return IacPaths.resourceId(source, address);
    }

    /** The address within its module's name space without instance key: {@code aws_s3_bucket.this}. */
    public String localName() {
        String a = address;
        int bracket = a.indexOf('[');
        if (bracket >= 0) a = a.substring(0, bracket);
        int dot = a.lastIndexOf('.', a.lastIndexOf('.') - 1);
        return dot < 0 ? a : a.substring(dot + 1);
    }
}
