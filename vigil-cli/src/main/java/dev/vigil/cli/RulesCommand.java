package dev.vigil.cli;

import dev.vigil.model.ResourceTypes;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import dev.vigil.rules.Rule;
import dev.vigil.rules.RuleCompiler;
import dev.vigil.rules.RuleTester;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", description = "List, show and test rules.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Test.class, RulesCommand.Doc.class})
final class RulesCommand {

    @Command(name = "doc", description = "Print docs/rules.md: every rule with severity, resource type and frameworks, and each framework's coverage.")
    static final class Doc implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CatalogOptions catalogOptions;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(RulesDoc.render(catalogOptions.load()));
            spec.commandLine().getOut().flush();
            return Vigil.OK;
        }
    }

    @Command(name = "list", description = "List the rules of the catalog.")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CatalogOptions catalogOptions;
        @Option(names = "--resource", paramLabel = "TYPE", description = "Only rules for this resource type.")
        String resource;

        @Override
        public Integer call() {
            Catalog catalog = catalogOptions.load();
            PrintWriter out = spec.commandLine().getOut();
            List<CompiledRule> rules = catalog.rules().stream()
                    .filter(r -> resource == null || r.rule().resourceType().equals(resource))
                    .sorted(Comparator.comparing((CompiledRule r) -> r.rule().severity()).thenComparing(CompiledRule::id)).toList();
            int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
            for (CompiledRule r : rules) {
                out.printf("%-8s %-" + idWidth + "s  %-24s %s%n", r.rule().severity().label(), r.id(), r.rule().resourceType(), r.rule().title());
            }
            out.println(rules.size() + " rules");
            return Vigil.OK;
        }
    }

    @Command(name = "show", description = "Show one rule: check, parameters, remediation, frameworks, examples.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CatalogOptions catalogOptions;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            Catalog catalog = catalogOptions.load();
            CompiledRule cr = catalog.rule(id).orElseThrow(() -> new Vigil.UsageException("no rule with id '" + id + "' (see 'vigil rules list')"));
            Rule r = cr.rule();
            PrintWriter out = spec.commandLine().getOut();
            out.println(r.id() + "  " + r.title());
            out.println("  severity:   " + r.severity().label());
            out.println("  resource:   " + r.resourceType());
            out.println("  categories: " + String.join(", ", r.categories()));
            out.println("  source:     " + r.source());
            section(out, "description", r.description());
            section(out, "risk", r.risk());
            section(out, "check", r.check());
            if (!r.params().isEmpty()) section(out, "parameters (defaults)", r.params().toString());
            var fw = catalog.frameworksOf(r.id());
            if (!fw.isEmpty()) {
                out.println("frameworks:");
                fw.forEach((f, reqs) -> out.println("  " + f + ": " + String.join(", ", reqs)));
            }
            section(out, "remediation", r.remediation().text());
            section(out, "console", r.remediation().console());
            section(out, "cli", r.remediation().cli());
            section(out, "terraform", r.remediation().terraform());
            out.println("examples:");
            for (Rule.Example ex : r.examples()) out.println("  " + ex.expect() + "  " + ex.name());
            return Vigil.OK;
        }

        private static void section(PrintWriter out, String title, String text) {
            if (text == null || text.isBlank()) return;
            out.println(title + ":");
            text.strip().lines().forEach(l -> out.println("  " + l));
        }
    }

    @Command(name = "test", description = "Run every rule's examples (those of DIR only, when given); exit 1 if any fails.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "A directory of your own rules.")
        Path dir;

        @Override
        public Integer call() {
            Catalog catalog = Catalog.load(ResourceTypes.standard(), true, dir == null ? List.of() : List.of(dir));
            RuleTester tester = new RuleTester(new RuleCompiler(ResourceTypes.standard()));
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0, examples = 0, tested = 0;
            List<String> problems = new ArrayList<>();
            String prefix = dir == null ? null : dir.toString();
            for (CompiledRule r : catalog.rules()) {
                if (prefix != null && !r.rule().source().startsWith(prefix)) continue;
                RuleTester.Outcome o = tester.test(r);
                tested++;
                examples += o.examples();
                if (o.passed()) {
                    out.println("ok    " + r.id() + " (" + o.examples() + " examples)");
                } else {
                    failed++;
                    out.println("FAIL  " + r.id() + " (" + r.rule().source() + ")");
                    o.failures().forEach(f -> out.println("        " + f));
                }
            }
            out.println(tested + " rules, " + examples + " examples, " + failed + " rule(s) failing");
            return failed == 0 && tested > 0 ? Vigil.OK : Vigil.INPUT_ERROR;
        }
    }
}
