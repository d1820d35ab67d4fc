package dev.vigil.cli;

import dev.vigil.model.framework.Framework;
import dev.vigil.rules.Catalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "frameworks", description = "The compliance frameworks of the catalog and the rules that evidence each requirement.",
        subcommands = {FrameworksCommand.ListFrameworks.class, FrameworksCommand.Show.class})
final class FrameworksCommand {

    @Command(name = "list", description = "Every framework: id, name, version, requirements, how many rules evidence them, how many are manual.")
    static final class ListFrameworks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOptions catalogOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-18s %-9s %6s %7s %7s  %s%n", "ID", "VERSION", "REQS", "MAPPED", "MANUAL", "NAME");
            for (Framework f : catalogOptions.load().frameworks()) {
                long manual = f.requirements().stream().filter(Framework.Requirement::manual).count();
                out.printf("%-18s %-9s %6d %7d %7d  %s%n", f.id(), f.version(), f.requirements().size(), f.requirements().size() - manual, manual,
                        f.name());
            }
            out.flush();
            return Vigil.OK;
        }
    }

    @Command(name = "show", description = "One framework's requirements, with level, automated or manual, and the rules that evidence each.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Framework id, e.g. cis-aws-3.0.")
        String id;

        @Option(names = "--level", paramLabel = "N", description = "Only requirements of this level and below.")
        Integer level;

        @Mixin
        CatalogOptions catalogOptions;

        @Override
        public Integer call() {
            Catalog catalog = catalogOptions.load();
            Framework f = catalog.framework(id).orElseThrow(() -> new Vigil.UsageException("unknown framework '" + id + "' (known: "
                    + String.join(", ", catalog.frameworks().stream().map(Framework::id).toList()) + ")"));
            PrintWriter out = spec.commandLine().getOut();
            out.println(f.name() + " " + f.version() + " (" + f.id() + ")");
            out.println(f.description());
            String section = null;
            for (Framework.Requirement r : f.requirements()) {
                if (level != null && r.level() > level) continue;
                if (!r.section().equals(section)) {
                    section = r.section();
                    out.println();
                    out.println(section);
                }
                String tags = (r.level() > 0 ? "L" + r.level() + " " : "") + (r.automated() ? "automated" : "manual");
                out.println("  " + r.id() + "  " + r.title() + "  [" + tags + "]");
                out.println("      " + (r.rules().isEmpty() ? "MANUAL: no rule evidences it" : String.join(", ", r.rules())));
            }
            out.flush();
            return Vigil.OK;
        }
    }
}
