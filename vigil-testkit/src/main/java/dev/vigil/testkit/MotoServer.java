package dev.vigil.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * moto's AWS API emulator, as a real server on a free loopback port: the AWS collectors' tests
 * talk to it through the AWS SDK exactly as they would to AWS.
 *
 * <p>{@link #shared()} starts one server per test JVM, on first use, from the virtualenv that
 * {@code scripts/moto.sh} installs at a pinned version (so the test command needs nothing done by
 * hand), and stops it when the JVM exits. {@code VIGIL_MOTO_URL} points the tests at a server
 * already running instead (start it with {@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}, as this class
 * does, for the AWS managed IAM policies). Tests call {@link #reset()} to start from an empty cloud.
 */
public final class MotoServer {
    private static MotoServer shared;
    private final URI endpoint;
    private final Process process;

    private MotoServer(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    public static synchronized MotoServer shared() {
        if (shared == null) shared = start();
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Empties every service of the emulator and seeds its random generator, so that the ids it
     * gives (sg-..., vol-...) are the same from run to run and golden files can name them.
     */
    public void reset() {
        post("/moto-api/reset");
        post("/moto-api/seed?a=20261123");
    }

    private void post(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.getOutputStream().close();
            int code = c.getResponseCode();
            if (code != 200) throw new IllegalStateException("moto " + path + " answered HTTP " + code);
        } catch (IOException e) {
            throw new IllegalStateException("cannot call moto at " + endpoint + path + ": " + e.getMessage(), e);
        }
    }

    private static MotoServer start() {
        String url = System.getenv("VIGIL_MOTO_URL");
        if (url != null && !url.isBlank()) return new MotoServer(URI.create(url), null);
        Path root = repositoryRoot();
        try {
            Process install = new ProcessBuilder("bash", root.resolve("scripts/moto.sh").toString(), "python")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String python = new String(install.getInputStream().readAllBytes()).strip();
            if (install.waitFor() != 0 || python.isEmpty()) throw new IllegalStateException("scripts/moto.sh could not install moto");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = root.resolve("build/moto-" + port + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // AWS managed policies (AdministratorAccess, AWSSupportAccess...) exist in every real account;
            // moto has them only when asked at start-up.
            pb.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                p.destroy();
                try {
                    if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
                } catch (InterruptedException ignored) {
                    p.destroyForcibly();
                }
            }));
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitReady(endpoint, p, log);
            return new MotoServer(endpoint, p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting moto", e);
        }
    }

    private static void awaitReady(URI endpoint, Process p, Path log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) throw new IllegalStateException("moto exited at start: " + Files.readString(log));
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("moto did not answer within 60 s; see " + log);
    }

    /** The checkout's root: the nearest directory up from the working directory holding scripts/moto.sh. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("scripts/moto.sh"))) return dir;
            dir = dir.getParent();
        }
        throw new IllegalStateException("scripts/moto.sh not found above " + Path.of("").toAbsolutePath());
    }

    /** True when this server is a process the harness started (not one named by VIGIL_MOTO_URL). */
    public boolean owned() {
        return process != null;
    }
}
