package jp.kakaritsuke.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The test requests come from 127.0.0.1; here the trusted proxy is another address, so the same forwarded
 * headers must be ignored: no https redirect, no Secure cookie, the real client address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.1")
class UntrustedProxyHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

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
        try (HttpProbe.RemoteAddresses addresses = HttpProbe.recordRemoteAddresses(context)) {
            http.get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
            assertThat(addresses.last()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        }
    }
}
