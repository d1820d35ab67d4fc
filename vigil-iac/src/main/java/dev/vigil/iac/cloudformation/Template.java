package dev.vigil.iac.cloudformation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudFormation template as read, before evaluation: a plain tree (maps, lists, strings,
 * {@code Long}, {@code Double}, booleans, {@code null}) in which YAML short-form tags have become
 * their long forms ({@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B} is
 * {@code {Fn::GetAtt: [A, B]}}), with the lines every map and list spans.
 *
 * @param file     the file as shown to users ({@link dev.vigil.iac.IacPaths#display})
 * @param root     the template's top-level map
 * @param spans    for each map and list of the tree (by identity): its first and last line, 1-based
 * @param keyLines for each map of the tree (by identity): the line of each of its keys
 * @param lines    the file's text, one entry per line (for comments); empty for JSON, which has none
 */
public record Template(String file, Map<String, Object> root, IdentityHashMap<Object, int[]> spans,
                       IdentityHashMap<Object, Map<String, Integer>> keyLines, List<String> lines) {

    /** The line where {@code node} starts, or 0 when it is a scalar or not part of the tree. */
    public int line(Object node) {
        int[] s = spans.get(node);
        return s == null ? 0 : s[0];
    }

    /** The line of {@code key} in {@code map}, else the map's own line. */
    public int line(Object map, String key) {
        Map<String, Integer> k = keyLines.get(map);
        Integer l = k == null ? null : k.get(key);
        return l != null ? l : line(map);
    }

    /** The lines of a resource: from its logical id to the end of its definition. */
    public int[] resourceSpan(String logicalId) {
        Object resources = root.get("Resources");
        if (!(resources instanceof Map<?, ?> m)) return new int[] {0, 0};
        int start = line(resources, logicalId);
        int[] body = spans.get(m.get(logicalId));
        return new int[] {start, body == null ? start : Math.max(start, body[1])};
    }
}
