package dev.vigil.testkit.aws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP/1.1 reverse proxy between AWS SDK clients (pointed at {@link #endpoint()} with an
 * endpoint override) and the emulator, that answers some requests the way a real account does when
 * it denies, throttles or stops answering: the live-scan tests use it to prove that such failures
 * end as coverage gaps and ERRORs, never as a false PASS or a hang.
 *
 * <p>Forwarding is faithful: method, request target, every header (Authorization and Host included,
 * so a SigV4 signature still holds) and body reach the upstream unchanged, and its status, headers
 * and body come back unchanged, except for the hop-by-hop framing a proxy owns: {@code Connection},
 * {@code Keep-Alive} and {@code Expect} (the proxy answers {@code 100 Continue} itself), and a
 * chunked or close-delimited body, which is passed on with a {@code Content-Length}. Each forwarded
 * request uses a fresh upstream connection; client connections are kept alive. Bodies are held in
 * memory, which suits API calls, not bulk uploads.
 *
 * <p>Each request is identified as a {@link Call} and meets the faults in this order: once a
 * {@link #stallAfter} budget is spent it is held unanswered; else a matching {@link #deny} rule
 * answers with the protocol's access-denied error; else the {@link #throttle} draw may answer with
 * the protocol's throttling error; else it is forwarded. Faults may be changed at any time from any
 * thread; a request sees the rules in force when it arrives.
 */
public final class FaultProxy implements AutoCloseable {

    /** The wire protocol of an AWS API, which fixes the shape of its error answers. */
    public enum Protocol { EC2_QUERY, QUERY, JSON, REST_JSON, REST_XML }

    /**
     * What the proxy knows of a request. {@code service} and {@code region} come from the SigV4
     * credential scope ({@code unknown} when unsigned); {@code operation} is the query {@code Action},
     * the operation part of {@code X-Amz-Target}, or {@code "METHOD /path"} for REST protocols;
     * {@code target} is the raw request target (path and query).
     */
    public record Call(String service, String region, String operation, Protocol protocol, String method, String target) {
    }

    /** REST-JSON services by SigV4 signing name; other REST services are taken as REST-XML. */
    private static final Set<String> REST_JSON = Set.of("lambda", "eks", "guardduty", "securityhub", "access-analyzer",
            "apigateway", "backup", "elasticfilesystem", "es", "macie2", "inspector2", "glacier");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=[^/\\s,&]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final URI upstream;
    private final ServerSocket server;
    private final Thread acceptor = Thread.ofVirtual().name("fault-proxy-accept").unstarted(this::accept);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Predicate<Call>> denials = new CopyOnWriteArrayList<>();
    private volatile Throttle throttle;
    private final AtomicLong stallBudget = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong seen = new AtomicLong(), forwarded = new AtomicLong(), denied = new AtomicLong(),
            throttled = new AtomicLong(), stalled = new AtomicLong();
    private final Map<String, AtomicLong> perService = new ConcurrentHashMap<>();

    private FaultProxy(URI upstream, ServerSocket server) {
        this.upstream = upstream;
        this.server = server;
    }

    /**
     * Listens on a free loopback port and forwards to {@code upstream}'s host and port (its path is
     * ignored). Connections are served on virtual threads until {@link #close()}.
     */
    public static FaultProxy start(URI upstream) {
        try {
            FaultProxy proxy = new FaultProxy(upstream, new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /** The address to give SDK clients as their endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Denies every call to {@code service} (a SigV4 signing name such as {@code s3} or {@code monitoring}). */
    public FaultProxy deny(String service) {
        return deny(c -> c.service().equals(service));
    }

    /** Denies one operation of {@code service}, named as in {@link Call#operation()}. */
    public FaultProxy deny(String service, String operation) {
        return deny(c -> c.service().equals(service) && c.operation().equals(operation));
    }

    /** Denies the calls {@code which} accepts; rules add up. */
    public FaultProxy deny(Predicate<Call> which) {
        denials.add(which);
        return this;
    }

    /** {@link #throttle(Predicate, double, long)} for every call. */
    public FaultProxy throttle(double share, long seed) {
        return throttle(c -> true, share, seed);
    }

    /**
     * Answers about {@code share} of the calls {@code which} accepts with the protocol's throttling
     * error, replacing any earlier throttle. The n-th such call's fate is a fixed function of
     * {@code seed} and n, so a sequential client sees the same pattern on every run.
     */
    public FaultProxy throttle(Predicate<Call> which, double share, long seed) {
        throttle = new Throttle(which, share, seed, new AtomicLong());
        return this;
    }

    /**
     * Forwards the next {@code requests} requests (counted from this call), then holds every request
     * unanswered, connection open, until {@link #close()}.
     */
    public FaultProxy stallAfter(int requests) {
        stallBudget.set(requests);
        return this;
    }

    /** Lifts every fault for requests arriving from now on; requests already stalled stay held. */
    public FaultProxy clear() {
        denials.clear();
        throttle = null;
        stallBudget.set(Long.MAX_VALUE);
        return this;
    }

    public long seen() { return seen.get(); }
    public long forwarded() { return forwarded.get(); }
    public long denied() { return denied.get(); }
    public long throttled() { return throttled.get(); }
    public long stalled() { return stalled.get(); }

    /** Requests seen for a SigV4 service name, whatever became of them. */
    public long requests(String service) {
        AtomicLong n = perService.get(service);
        return n == null ? 0 : n.get();
    }

    /** Stops listening, releases stalled requests (their connections close unanswered) and frees the port. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
            // A socket closed while a virtual thread waits in accept() stops listening only once that thread leaves.
            acceptor.join(Duration.ofSeconds(5));
        } catch (IOException ignored) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().name("fault-proxy-conn").start(() -> serve(client));
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    /** Serves one client connection, request after request, until either side closes it. */
    private void serve(Socket client) {
        sockets.add(client);
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            while (closed.getCount() > 0) {
                HttpMessage request = HttpMessage.read(in, true, false, out);
                if (request == null) return;
                HttpMessage response = answer(identify(request), request);
                if (response == null) {
                    stalled.incrementAndGet();
                    closed.await();
                    return;
                }
                boolean last = "close".equalsIgnoreCase(request.header("Connection"));
                response.write(out, request.method().equals("HEAD") || response.bodyless(), last ? "close" : null);
                out.flush();
                if (last) return;
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the proxy closed: nothing to answer
        } finally {
            sockets.remove(client);
        }
    }

    /** The answer to one request, or null to hold it unanswered. */
    private HttpMessage answer(Call call, HttpMessage request) throws IOException {
        seen.incrementAndGet();
        perService.computeIfAbsent(call.service(), k -> new AtomicLong()).incrementAndGet();
        if (stallBudget.get() <= 0) return null;
        for (Predicate<Call> rule : denials) {
            if (rule.test(call)) {
                denied.incrementAndGet();
                return denial(call);
            }
        }
        Throttle t = throttle;
        if (t != null && t.which().test(call) && t.draw()) {
            throttled.incrementAndGet();
            return throttling(call);
        }
        if (stallBudget.getAndDecrement() <= 0) return null;
        forwarded.incrementAndGet();
        return forward(request);
    }

    private HttpMessage forward(HttpMessage request) throws IOException {
        int port = upstream.getPort() > 0 ? upstream.getPort() : 80;
        try (Socket s = new Socket(upstream.getHost(), port)) {
            sockets.add(s);
            try {
                return exchange(s, request);
            } finally {
                sockets.remove(s);
            }
        } catch (IOException e) {
            if (closed.getCount() == 0) throw e;
            return HttpMessage.of(502, "text/plain", "fault proxy: upstream failed: " + e.getMessage(), Map.of());
        }
    }

    private static HttpMessage exchange(Socket s, HttpMessage request) throws IOException {
        OutputStream out = new BufferedOutputStream(s.getOutputStream());
        request.write(out, false, "close");
        out.flush();
        InputStream in = new BufferedInputStream(s.getInputStream());
        boolean head = request.method().equals("HEAD");
        HttpMessage response;
        do {
            response = HttpMessage.read(in, false, head, null);
            if (response == null) throw new EOFException("upstream closed without answering");
        } while (response.start().matches("HTTP/1\\.\\d 1\\d\\d.*"));
        return response;
    }

    static Call identify(HttpMessage r) {
        String auth = r.header("Authorization");
        Matcher scope = CREDENTIAL.matcher(auth != null ? auth : URLDecoder.decode(r.target(), StandardCharsets.UTF_8));
        boolean signed = scope.find();
        String service = signed ? scope.group(2) : "unknown";
        String region = signed ? scope.group(1) : "unknown";
        String contentType = String.valueOf(r.header("Content-Type")).toLowerCase(Locale.ROOT);
        String amzTarget = r.header("X-Amz-Target");
        if (amzTarget != null || contentType.startsWith("application/x-amz-json")) {
            String op = amzTarget == null ? "" : amzTarget.substring(amzTarget.lastIndexOf('.') + 1);
            return new Call(service, region, op, Protocol.JSON, r.method(), r.target());
        }
        int q = r.target().indexOf('?');
        String form = (q < 0 ? "" : r.target().substring(q + 1))
                + (contentType.startsWith("application/x-www-form-urlencoded") ? "&" + new String(r.body(), StandardCharsets.UTF_8) : "");
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                String action = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                return new Call(service, region, action, service.equals("ec2") ? Protocol.EC2_QUERY : Protocol.QUERY, r.method(), r.target());
            }
        }
        Protocol rest = REST_JSON.contains(service) || contentType.startsWith("application/json") ? Protocol.REST_JSON : Protocol.REST_XML;
        return new Call(service, region, r.method() + " " + (q < 0 ? r.target() : r.target().substring(0, q)), rest, r.method(), r.target());
    }

    /** AccessDenied as the service's protocol spells it, with the status AWS uses. */
    static HttpMessage denial(Call c) {
        String why = "Access denied by the fault proxy: " + c.service() + " " + c.operation();
        return switch (c.protocol()) {
            case EC2_QUERY -> error(c, 403, "UnauthorizedOperation", why);
            case QUERY, REST_XML -> error(c, 403, "AccessDenied", why);
            case JSON -> error(c, 400, "AccessDeniedException", why);
            case REST_JSON -> error(c, 403, "AccessDeniedException", why);
        };
    }

    /** The throttling error AWS sends for the service's protocol, which the SDK retries as throttling. */
    static HttpMessage throttling(Call c) {
        String why = "Rate exceeded (fault proxy)";
        return switch (c.protocol()) {
            case EC2_QUERY -> error(c, 503, "RequestLimitExceeded", why);
            case QUERY -> error(c, 400, "Throttling", why);
            case JSON -> error(c, 400, "ThrottlingException", why);
            case REST_JSON -> error(c, 429, "ThrottlingException", why);
            case REST_XML -> c.service().equals("s3") ? error(c, 503, "SlowDown", why) : error(c, 400, "Throttling", why);
        };
    }

    private static HttpMessage error(Call c, int status, String code, String message) {
        String id = "fault-proxy-" + REQUEST_IDS.incrementAndGet();
        String m = xml(message);
        return switch (c.protocol()) {
            case EC2_QUERY -> HttpMessage.of(status, "text/xml;charset=UTF-8", "<Response><Errors><Error><Code>" + code + "</Code><Message>" + m
                    + "</Message></Error></Errors><RequestID>" + id + "</RequestID></Response>", Map.of());
            case JSON, REST_JSON -> HttpMessage.of(status, c.protocol() == Protocol.JSON ? "application/x-amz-json-1.1" : "application/json",
                    "{\"__type\":\"" + code + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}",
                    Map.of("x-amzn-ErrorType", code, "x-amzn-RequestId", id));
            // S3 Control (/v20180820/...) shares S3's signing name but answers errors in the <ErrorResponse> shape.
            case REST_XML -> !c.service().equals("s3") || c.target().startsWith("/v20180820/") ? queryError(status, code, m, id) : HttpMessage.of(status, "application/xml",
                    "<Error><Code>" + code + "</Code><Message>" + m + "</Message><RequestId>" + id + "</RequestId></Error>", Map.of("x-amz-request-id", id));
            case QUERY -> queryError(status, code, m, id);
        };
    }

    /** The query protocols' error document, which CloudFront and other REST-XML services share. */
    private static HttpMessage queryError(int status, String code, String message, String id) {
        return HttpMessage.of(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>" + id + "</RequestId></ErrorResponse>", Map.of("x-amzn-RequestId", id));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A deterministic draw per eligible request: SplitMix64 over (seed, index), compared with the share. */
    private record Throttle(Predicate<Call> which, double share, long seed, AtomicLong draws) {
        boolean draw() {
            long z = seed + draws.getAndIncrement() * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return (z >>> 11) * 0x1.0p-53 < share;
        }
    }
}
