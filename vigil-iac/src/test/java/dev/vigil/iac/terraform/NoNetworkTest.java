package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanning untrusted Terraform never reaches the network: hcl4j's parser would send the request of
 * a {@code data "http"} block while parsing (see the library notes); Vigil uses only its lexer.
 */
class NoNetworkTest {
    @TempDir
    Path dir;

    @Test
    void aDataHttpBlockIsNeverRequestedAndWhatDependsOnItIsUnresolved() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\npwned".getBytes());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            int port = listener.getLocalPort();
            String url = "http://127.0.0.1:" + port + "/leak";
            TerraformModules.Result r = Tf.eval(dir,
                    "main.tf", """
                            data "http" "probe" {
                              url = "%s"
                            }
                            resource "aws_s3_bucket" "b" {
                              bucket = data.http.probe.response_body
                              policy = file("%s")
                            }
                            module "remote" {
                              source = "%s"
                            }
                            """.formatted(url, url, url),
                    "sub/main.tf", "data \"http\" \"again\" {\n  url = \"" + url + "\"\n}\n");
            Thread.sleep(300); // a request sent during the scan would have been accepted by now
            listener.close();
            acceptor.join(2000);
            assertThat(connections.get()).as("connections made to the loopback listener").isZero();
            assertThat(Tf.reason(Tf.attrs(r, "aws_s3_bucket.b").get("bucket"))).isEqualTo("data.http.probe is read at plan time");
            assertThat(Tf.attrs(r, "aws_s3_bucket.b").get("policy")).isNotEqualTo("pwned");
            assertThat(r.gaps()).singleElement().satisfies(g -> assertThat(g.reason()).contains("which Vigil does not fetch"));
        }
    }
}
