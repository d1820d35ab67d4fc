package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

/** A Kubernetes label selector. An empty selector (no labels, no expressions) selects everything in its scope. */
@Doc("A label selector; empty matchLabels and matchExpressions select everything in scope")
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    @Doc("One selector expression, e.g. {key: tier, operator: In, values: [web]}")
    public record Requirement(String key, @Doc("In, NotIn, Exists or DoesNotExist") String operator, List<String> values) {
    }
}
