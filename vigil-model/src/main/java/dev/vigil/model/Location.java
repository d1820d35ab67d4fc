package dev.vigil.model;

/**
 * Where in a file a result points: the declaration of the resource (IaC), lines inclusive and
 * 1-based. {@code file} is the path as the scan was given it, with forward slashes, so the same
 * checkout gives the same locations on every machine.
 */
public record Location(String file, int startLine, int endLine) {
    public Location {
        file = file == null ? "" : file.replace('\\', '/');
        if (startLine < 0 || endLine < startLine) endLine = startLine;
    }

    public static Location of(Origin origin) {
        return origin instanceof Origin.FileRange f ? new Location(f.file(), f.startLine(), f.endLine()) : null;
    }

    /** {@code file:start-end}, {@code file:line}, or just {@code file} when the input has no lines (a Terraform plan). */
    @Override
    public String toString() {
        if (startLine <= 0) return file;
        return file + ":" + startLine + (endLine > startLine ? "-" + endLine : "");
    }
}
