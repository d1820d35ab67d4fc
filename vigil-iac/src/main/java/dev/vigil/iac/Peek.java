package dev.vigil.iac;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The start of a file, to tell formats that share an extension apart (a plan, a template, a Config snapshot). */
public final class Peek {
    private Peek() {
    }

    /** Up to {@code bytes} bytes of {@code file} as UTF-8; empty when it cannot be read (the reader reports that). */
    public static String head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
