package dev.vigil.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.vigil.model.ResourceTypes;

/**
 * Compiles rule checks once. The CEL environment a check sees:
 *
 * <ul>
 *   <li>{@code resource}: the canonical properties of the resource under test;</li>
 *   <li>{@code params}: the rule's parameters (defaults overridden by the scan's configuration);</li>
 *   <li>{@code related(resource, 'type')}: the resources of that type the resource has a relation
 *       with, in either direction;</li>
 *   <li>{@code resources('type')}: every resource of that type in the same account;</li>
 *   <li>{@code daysSince('ISO-8601 time')}: whole days from that time to the scan's evaluation time.</li>
 * </ul>
 *
 * Thread-safe after construction.
 */
public final class RuleCompiler {
    static final String RELATED = "related_map_string";
    static final String RESOURCES = "resources_string";
    static final String REFERENCING = "referencing_string_string";
    static final String DAYS_SINCE = "daysSince_string";

    private final ResourceTypes types;
    private final CelCompiler compiler;
    private final CelRuntime runtime;

    public RuleCompiler(ResourceTypes types) {
        this.types = types;
        var doc = MapType.create(SimpleType.STRING, SimpleType.DYN);
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("resource", doc)
                .addVar("params", doc)
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration("related",
                                CelOverloadDecl.newGlobalOverload(RELATED, ListType.create(doc), doc, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("resources",
                                CelOverloadDecl.newGlobalOverload(RESOURCES, ListType.create(doc), SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("referencing",
                                CelOverloadDecl.newGlobalOverload(REFERENCING, ListType.create(doc), SimpleType.STRING, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("daysSince",
                                CelOverloadDecl.newGlobalOverload(DAYS_SINCE, SimpleType.INT, SimpleType.STRING)))
                .setResultType(SimpleType.BOOL)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    }

    public ResourceTypes types() {
        return types;
    }

    /** Compiles and checks one rule; throws {@link RuleLoadException} naming the file and the problem. */
    public CompiledRule compile(Rule rule, String ruleText) {
        int checkLine = ruleText == null ? 0 : RuleLoader.lineOf(ruleText, "check");
        if (types.find(rule.resourceType()).isEmpty()) {
            throw new RuleLoadException(rule.source(), ruleText == null ? 0 : RuleLoader.lineOf(ruleText, "resource"),
                    "rule " + rule.id() + ": unknown resource type '" + rule.resourceType() + "' (known: "
                            + String.join(", ", types.all().stream().map(t -> t.id()).toList()) + ")");
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(rule.check()).getAst();
        } catch (CelValidationException e) {
            throw new RuleLoadException(rule.source(), checkLine, "rule " + rule.id() + ": check does not compile: "
                    + e.getMessage().replace('\n', ' '));
        }
        var analysis = FieldPaths.analyze(ast.getExpr(), types, rule.resourceType(), rule.params());
        if (!analysis.problems().isEmpty()) {
            throw new RuleLoadException(rule.source(), checkLine, "rule " + rule.id() + ": " + String.join("; ", analysis.problems()));
        }
        try {
            CelRuntime.Program program = runtime.createProgram(ast);
            boolean inventory = analysis.functions().contains("related") || analysis.functions().contains("resources")
                    || analysis.functions().contains("referencing");
            return new CompiledRule(rule, program, analysis.reads(), inventory, analysis.functions().contains("daysSince"));
        } catch (Exception e) {
            throw new RuleLoadException(rule.source(), checkLine, "rule " + rule.id() + ": " + e.getMessage());
        }
    }
}
