package dev.vigil.testkit.aws;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP/1.1 message as the {@link FaultProxy} passes it on, with its body read whole.
 * {@code reframed} marks a body that arrived chunked or close-delimited (or was made here) and so
 * leaves with a {@code Content-Length}; the hop-by-hop headers never leave as they came. A
 * message belongs to the one connection thread that reads and writes it.
 */
record HttpMessage(String start, List<String[]> headers, byte[] body, boolean reframed) {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "expect", "transfer-encoding");

    /** A response made by the proxy itself. */
    static HttpMessage of(int status, String contentType, String body, Map<String, String> extra) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            default -> "Service Unavailable";
        };
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", contentType});
        extra.forEach((k, v) -> h.add(new String[] {k, v}));
        return new HttpMessage("HTTP/1.1 " + status + " " + reason, h, body.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Reads the next message, or null at a clean end of stream. A request announcing
     * {@code Expect: 100-continue} is told to continue on {@code continueTo} before its body is read.
     */
    static HttpMessage read(InputStream in, boolean request, boolean noBody, OutputStream continueTo) throws IOException {
        String start = line(in);
        while (start != null && start.isEmpty()) start = line(in);
        if (start == null) return null;
        List<String[]> headers = new ArrayList<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) headers.add(new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
        }
        HttpMessage head = new HttpMessage(start, headers, new byte[0], false);
        if (continueTo != null && "100-continue".equalsIgnoreCase(head.header("Expect"))) {
            continueTo.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            continueTo.flush();
        }
        if (noBody || (!request && head.bodyless())) return head;
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) return new HttpMessage(start, headers, dechunk(in), true);
        String length = head.header("Content-Length");
        if (length != null) {
            int n = Integer.parseInt(length.trim());
            byte[] body = in.readNBytes(n);
            if (body.length < n) throw new EOFException("body cut short");
            return new HttpMessage(start, headers, body, false);
        }
        // Without a length a request has no body; a response runs to the end of the connection.
        return request ? head : new HttpMessage(start, headers, in.readAllBytes(), true);
    }

    String header(String name) {
        for (String[] h : headers) if (h[0].equalsIgnoreCase(name)) return h[1];
        return null;
    }

    String method() {
        return start.substring(0, Math.max(0, start.indexOf(' ')));
    }

    String target() {
        String[] parts = start.split(" ");
        return parts.length > 1 ? parts[1] : "/";
    }

    /** A response that never has a body: 1xx, 204, 304. */
    boolean bodyless() {
        return start.matches("HTTP/1\\.\\d (1\\d\\d|204|304)( .*)?");
    }

    /** Writes the message with its end-to-end headers, a {@code Connection} header when given, and its body. */
    void write(OutputStream out, boolean noBody, String connection) throws IOException {
        StringBuilder s = new StringBuilder(start).append("\r\n");
        for (String[] h : headers) {
            String name = h[0].toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || (reframed && name.equals("content-length"))) continue;
            s.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        if (reframed && !noBody) s.append("Content-Length: ").append(body.length).append("\r\n");
        if (connection != null) s.append("Connection: ").append(connection).append("\r\n");
        out.write(s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!noBody) out.write(body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
            if (b.size() > 65536) throw new IOException("header line too long");
            b.write(c);
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) throw new EOFException("chunked body cut short");
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) break;
            byte[] chunk = in.readNBytes(n);
            if (chunk.length < n) throw new EOFException("chunk cut short");
            body.write(chunk);
            line(in);
        }
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // trailers are dropped: the body leaves with a Content-Length
        }
        return body.toByteArray();
    }
}
