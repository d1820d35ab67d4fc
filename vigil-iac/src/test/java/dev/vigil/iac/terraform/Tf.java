package dev.vigil.iac.terraform;

import dev.vigil.iac.IacOptions;
import dev.vigil.iac.Unresolved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test fixtures: Terraform files written into a temporary directory, then evaluated. */
final class Tf {
    private Tf() {
    }

    /** Writes name/content pairs under {@code dir} (names may hold sub-directories). */
    static void write(Path dir, String... nameAndContent) {
        try {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                Path f = dir.resolve(nameAndContent[i]);
                Files.createDirectories(f.getParent());
                Files.writeString(f, nameAndContent[i + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .tf / .tf.json file under {@code dir}, as a scan would find them. */
    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tf.json")).sorted().forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TerraformModules.Result eval(Path dir, IacOptions options, String... nameAndContent) {
        write(dir, nameAndContent);
        return new TerraformModules(options).evaluate(files(dir));
    }

    static TerraformModules.Result eval(Path dir, String... nameAndContent) {
        return eval(dir, IacOptions.none(), nameAndContent);
    }

    static TfResource resource(TerraformModules.Result r, String address) {
        return r.resources().stream().filter(x -> x.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + address + " in " + r.resources().stream().map(TfResource::address).toList()
                        + " (bad files: " + r.badFiles() + ")"));
    }

    static Map<String, Object> attrs(TerraformModules.Result r, String address) {
        return resource(r, address).attributes();
    }

    /** The value of one expression, written as attribute {@code v} of a resource, with extra files. */
    static Object value(Path dir, String expr, String... more) {
        String[] files = new String[more.length + 2];
        files[0] = "main.tf";
        files[1] = "resource \"test_thing\" \"x\" {\n  v = " + expr + "\n}\n";
        System.arraycopy(more, 0, files, 2, more.length);
        TerraformModules.Result r = eval(dir, files);
        if (!r.badFiles().isEmpty()) throw new AssertionError("bad files: " + r.badFiles());
        return attrs(r, "test_thing.x").get("v");
    }

    static String reason(Object v) {
        if (!(v instanceof Unresolved u)) throw new AssertionError("expected unresolved, got " + v);
        return u.reason();
    }
}
