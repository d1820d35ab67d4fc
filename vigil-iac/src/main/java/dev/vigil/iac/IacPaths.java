package dev.vigil.iac;

import java.nio.file.Path;

/**
 * How IaC files are named in resource ids, locations, SARIF and baselines: relative to the working
 * directory when inside it, normalized, with forward slashes. {@code vigil scan .} and
 * {@code vigil scan ./infra/} then name {@code infra/main.tf} alike, which keeps finding ids and
 * baseline fingerprints stable from one CI run to the next.
 */
public final class IacPaths {
    private IacPaths() {
    }

    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * The canonical id of a resource declared in IaC: where it is declared (a Terraform root module
     * directory, a template or manifest file) and its address there
     * ({@code infra#aws_s3_bucket.logs}, {@code stack.yaml#LogsBucket}).
     */
    public static String resourceId(String source, String address) {
        return source + "#" + address;
    }
}
