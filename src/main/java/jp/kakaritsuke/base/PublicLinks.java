package jp.kakaritsuke.base;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links to this application, for mails and for links people copy (invitations, password resets, round
 * notices). They come from configuration ({@code app.public-url}), never from the request: a reset link built from
 * the Host or Origin header would let anyone who asks for a reset send the victim a link to their own server
 * (password-reset poisoning). Resolved on each call, so {@code ${local.server.port}} works in tests.
 */
@Component
public class PublicLinks {

    private final Environment environment;

    public PublicLinks(Environment environment) {
        this.environment = environment;
    }

    /** The application's public address without a trailing slash, e.g. {@code https://kakaritsuke.example.jp}. */
    public String base() {
        String base = environment.getProperty("app.public-url", "http://localhost:8080").strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An absolute link to a path of the application ({@code invite/ABCD-…}, {@code reset-password/…}). */
    public URI link(String path) {
        return URI.create(base() + "/" + (path.startsWith("/") ? path.substring(1) : path));
    }
}
