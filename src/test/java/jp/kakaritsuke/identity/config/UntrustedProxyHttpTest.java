package jp.kakaritsuke.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The test requests come from 127.0.0.1; here the trusted proxy is another address, so the same forwarded
 * headers must be ignored: no https redirect, no Secure cookie, the real client address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.1")
@Import(TrustHttpTest.RemoteAddressProbe.class)
class UntrustedProxyHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AtomicReference<String> lastRemoteAddress;

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
        HttpProbe http = new HttpProbe(port);
        HttpResponse<String> redirect = http.get("/cases/17", "X-Forwarded-Proto", "https", "X-Forwarded-For",
                "203.0.113.9");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotStartWith("https:"));
        assertThat(redirect.headers().allValues("Set-Cookie")).isNotEmpty().noneSatisfy(
                cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
        http.get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
        assertThat(lastRemoteAddress.get()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
}
