package dev.vigil.iac.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iac.IacOptions;
import dev.vigil.iac.IacPaths;
import dev.vigil.iac.Peek;
import dev.vigil.iac.cloudformation.aws.CloudFormationAws;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InputException;
import dev.vigil.model.input.ScanInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CloudFormation templates (YAML or JSON) into canonical resources. A file is claimed by its
 * extension and a peek at its start: {@code AWSTemplateFormatVersion}, or a top-level
 * {@code Resources} whose entries have an {@code AWS::} Type. Kubernetes manifests
 * ({@code apiVersion}/{@code kind}), AWS Config snapshots ({@code configurationItems}) and Terraform
 * plans ({@code terraform_version}, {@code "type": "aws_...}) have neither.
 *
 * <p>Each template is read alone (a bad one is a {@link BadFile}; the others are still read); the
 * mapping sees the resources of every template of the read, so a bucket policy in one template
 * joins the bucket it names in another.
 */
public final class CloudFormationInput implements ScanInput {
    private static final Pattern VERSION = Pattern.compile("(?m)^\\s*[\"']?AWSTemplateFormatVersion[\"']?\\s*:");
    private static final Pattern RESOURCES_YAML = Pattern.compile("(?m)^Resources\\s*:");
    private static final Pattern RESOURCES_JSON = Pattern.compile("\"Resources\"\\s*:");
    private static final Pattern AWS_TYPE = Pattern.compile("[\"']?Type[\"']?\\s*:\\s*[\"']?AWS::[A-Za-z0-9]+::");
    /** Top-level keys of the look-alikes: a manifest's apiVersion/kind, a Config snapshot's items, a plan's versions. */
    private static final Pattern NOT_A_TEMPLATE = Pattern.compile(
            "(?m)^(apiVersion|kind)\\s*:|\"(apiVersion|kind|configurationItems|terraform_version|format_version)\"\\s*:");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IacOptions options;

    public CloudFormationInput(IacOptions options) {
        this.options = options == null ? IacOptions.none() : options;
    }

    /**
     * Parameter values: from the JSON files among {@code --var-file} (in order), then {@code --var}.
     * A JSON var file may be CloudFormation's {@code [{"ParameterKey": .., "ParameterValue": ..}]},
     * a template configuration {@code {"Parameters": {..}}}, or a flat {@code {"Name": "value"}} (as
     * a {@code .tfvars.json} is); other var files are Terraform's and are left to it.
     */
    private IacOptions parameters(List<BadFile> bad) {
        if (options.varFiles().isEmpty()) return options;
        Map<String, String> values = new LinkedHashMap<>();
        for (Path f : options.varFiles()) {
            if (!f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) continue;
            try {
                JsonNode n = JSON.readTree(f.toFile());
                if (n.isArray()) {
                    for (var p : n) if (p.has("ParameterKey")) values.put(p.get("ParameterKey").asText(), p.path("ParameterValue").asText());
                } else if (n.isObject()) {
                    var map = n.has("Parameters") && n.get("Parameters").isObject() ? n.get("Parameters") : n;
                    map.fields().forEachRemaining(e -> {
                        if (e.getValue().isValueNode()) values.put(e.getKey(), e.getValue().asText());
                    });
                }
            } catch (IOException e) {
                bad.add(new BadFile(IacPaths.display(f), 0, "cannot read parameter values: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            }
        }
        values.putAll(options.vars());
        return new IacOptions(values, options.varFiles());
    }

    @Override
    public String id() {
        return "cloudformation";
    }

    @Override
    public boolean claims(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".template"))) return false;
        String head = Peek.head(file, 8192);
        if (VERSION.matcher(head).find()) return true;
        if (NOT_A_TEMPLATE.matcher(head).find()) return false;
        return (RESOURCES_YAML.matcher(head).find() || RESOURCES_JSON.matcher(head).find()) && AWS_TYPE.matcher(head).find();
    }

    @Override
    public Collected read(List<Path> files) {
        List<CfnResource> resources = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        List<String> read = new ArrayList<>();
        IacOptions parameters = parameters(bad);
        for (Path f : files) {
            String shown = IacPaths.display(f);
            try {
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new InputException(shown, 0, "cannot read: " + e.getMessage());
                }
                resources.addAll(TemplateEvaluator.evaluate(TemplateReader.read(shown, text), parameters, CloudFormationAws::refProperty));
                read.add(shown);
            } catch (InputException e) {
                bad.add(BadFile.of(e));
            }
        }
        CloudFormationAws.Mapped mapped = CloudFormationAws.map(resources);
        return new Collected(mapped.resources(), dev.vigil.iac.AccountGap.forResources(mapped.resources()), mapped.unmodelled(), null, read, null, mapped.suppressions(), bad);
    }
}
