package dev.vigil.iac.terraform.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of an HCL file or block: attributes in order of appearance and nested blocks.
 *
 * @param attributes name -> attribute (a repeated name keeps the last, as hcl4j does)
 * @param blocks     nested blocks in order
 */
public record Body(Map<String, Attribute> attributes, List<Block> blocks) {

    public Body() {
        this(new LinkedHashMap<>(), new ArrayList<>());
    }

    public record Attribute(String name, Expr value, int line) {
    }

    /**
     * @param type      {@code resource}, {@code variable}, a nested block's name
     * @param labels    {@code ["aws_s3_bucket", "logs"]}
     * @param file      the file's display name
     * @param startLine the line of its header, 1-based
     * @param endLine   the line of its closing brace
     */
    public record Block(String type, List<String> labels, Body body, String file, int startLine, int endLine) {
        public String label(int i) {
            return i < labels.size() ? labels.get(i) : "";
        }
    }

    public Expr expr(String name) {
        Attribute a = attributes.get(name);
        return a == null ? null : a.value();
    }

    public List<Block> blocks(String type) {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) if (b.type().equals(type)) out.add(b);
        return out;
    }
}
