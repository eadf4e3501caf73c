package jp.kakaritsuke.base.web;

/** A resource asked for by key does not exist; the API answers 404 problem+json. */
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
