package jp.kakaritsuke.base;

/**
 * A resource asked for by key does not exist, or the caller may not know it does (ids cannot be probed). Services throw
 * it; the API answers 404 problem+json ({@code base.web.ApiExceptionHandler}) and a page shows the plain not-found
 * page with HTTP 404 ({@code base.ui.NotFoundView}).
 */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final String key;

    public NotFoundException(String resource, String key) {
        super(resource + " '" + key + "' does not exist");
        this.resource = resource;
        this.key = key;
    }

    public String resource() {
        return resource;
    }

    public String key() {
        return key;
    }
}
