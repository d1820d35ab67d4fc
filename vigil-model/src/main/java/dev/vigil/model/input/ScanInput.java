package dev.vigil.model.input;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of input (AWS Config snapshots, Terraform, a live account, ...). The engine knows inputs
 * only through this interface; front ends register the concrete ones.
 */
public interface ScanInput {

    /** Stable id, e.g. {@code aws-config}. */
    String id();

    /** True when this input can read {@code file} (by name and, if needed, a peek at its start). */
    boolean claims(Path file);

    /**
     * Reads every claimed file into canonical resources.
     *
     * @throws InputException on the first file that is not valid, naming it
     */
    Collected read(List<Path> files);
}
