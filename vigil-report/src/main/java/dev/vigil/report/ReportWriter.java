package dev.vigil.report;

import dev.vigil.engine.ScanReport;
import java.io.IOException;
import java.io.Writer;

/** Writes a scan report in one format. One implementation per format, each with a stable id. */
public interface ReportWriter {

    /** The format's id as users type it after {@code --format}. */
    String id();

    void write(ScanReport report, ReportContext context, Writer out) throws IOException;
}
