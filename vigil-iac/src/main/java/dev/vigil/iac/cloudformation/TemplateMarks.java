package dev.vigil.iac.cloudformation;

import dev.vigil.iac.IgnoreMarks;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.input.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code vigil:ignore} marks of one template resource, from two places:
 * <ul>
 *   <li>its Metadata: {@code Metadata: {vigil: {ignore: ["<rule-id> <reason> exp:YYYY-MM-DD", ...]}}},
 *       which survives a round trip through CloudFormation (and is the only place in JSON);</li>
 *   <li>YAML comments {@code # vigil:ignore=<rule-id> <reason>} on the resource's lines or on the
 *       comment lines directly above its logical id.</li>
 * </ul>
 * A malformed mark is bad input ({@link IgnoreMarks}).
 */
final class TemplateMarks {
    private TemplateMarks() {
    }

    static List<InlineSuppression> of(Template t, CfnResource resource, Map<?, ?> definition) {
        List<InlineSuppression> out = new ArrayList<>();
        metadata(t, resource, definition, out);
        comments(t, resource, out);
        return out;
    }

    private static void metadata(Template t, CfnResource resource, Map<?, ?> definition, List<InlineSuppression> out) {
        if (!(definition.get("Metadata") instanceof Map<?, ?> md) || md.get("vigil") == null) return;
        int line = t.line(md, "vigil");
        if (!(md.get("vigil") instanceof Map<?, ?> vigil) || !(vigil.get("ignore") instanceof List<?> entries)) {
            throw new InputException(t.file(), line, "Metadata vigil must be {ignore: [\"<rule-id> <reason> exp:YYYY-MM-DD\", ...]}");
        }
        int entriesLine = t.line(entries) > 0 ? t.line(entries) : t.line(vigil, "ignore");
        for (int i = 0; i < entries.size(); i++) {
            Object e = entries.get(i);
            // each entry on its own line in block style; flow style puts them all on the list's line
            int at = entriesLine + (t.spans().get(entries) != null && t.spans().get(entries)[1] - entriesLine >= entries.size() - 1 ? i : 0);
            if (!(e instanceof String s) || s.isBlank()) throw new InputException(t.file(), at, "Metadata vigil ignore entries must be \"<rule-id> <reason>\"");
            out.add(IgnoreMarks.parse("vigil:ignore=" + s.trim(), resource.id(), t.file(), at));
        }
    }

    private static void comments(Template t, CfnResource resource, List<InlineSuppression> out) {
        List<String> lines = t.lines();
        if (lines.isEmpty()) return;
        int start = resource.startLine();
        // the comment block directly above the logical id
        int first = start;
        while (first - 1 >= 1 && lines.get(first - 2).trim().startsWith("#")) first--;
        for (int n = first; n <= resource.endLine() && n <= lines.size(); n++) {
            String text = lines.get(n - 1);
            int hash = text.indexOf('#');
            if (hash < 0 || !IgnoreMarks.present(text.substring(hash))) continue;
            out.add(IgnoreMarks.parse(text.substring(hash), resource.id(), t.file(), n));
        }
    }
}
