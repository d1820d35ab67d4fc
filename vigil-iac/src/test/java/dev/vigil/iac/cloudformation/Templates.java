package dev.vigil.iac.cloudformation;

import dev.vigil.iac.IacOptions;
import dev.vigil.iac.cloudformation.aws.CloudFormationAws;
import java.util.List;
import java.util.Map;

/** Reads template text for the specifications: the evaluated resources, or one resource's properties. */
final class Templates {
    private Templates() {
    }

    static List<CfnResource> evaluate(String text, Map<String, String> vars) {
        return TemplateEvaluator.evaluate(TemplateReader.read("stack.yaml", text), new IacOptions(vars, List.of()), CloudFormationAws::refProperty);
    }

    static List<CfnResource> evaluate(String text) {
        return evaluate(text, Map.of());
    }

    static Map<String, Object> properties(String text, String logicalId) {
        return evaluate(text).stream().filter(r -> r.logicalId().equals(logicalId)).findFirst().orElseThrow().properties();
    }

    /** A template whose one resource, {@code R} (a topic), has {@code properties} (YAML, indented by 6). */
    static String withProperties(String head, String properties) {
        return head + "\nResources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n" + properties.indent(6);
    }
}
