package jp.kakaritsuke.base;

/** Someone else changed the same thing first (optimistic locking); the API answers 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
