package jp.kakaritsuke.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anyone, signed in or not, may call this service method (the login, password-reset and invitation pages, the public
 * case-library API). It enforces nothing: {@link #value} says what protects the method instead (a one-time code, data
 * that is published anyway). {@code ServiceAccessRuleTest} accepts a method only with a role, a scope check, this or
 * {@link AnySignedInUser} (docs/security.md §1).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Anyone {

    /** Why the method needs no sign-in: what protects it. */
    String value();
}
