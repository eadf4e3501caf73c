package jp.kakaritsuke.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import java.util.Optional;

/** Links people copy into an e-mail or read out (invitations): absolute where the browser told us its origin. */
public final class AppLinks {

    private AppLinks() {
    }

    public static String absolute(String path) {
        String origin = Optional.ofNullable(VaadinRequest.getCurrent()).map(r -> r.getHeader("Origin")).orElse("");
        return origin + "/" + path;
    }
}
