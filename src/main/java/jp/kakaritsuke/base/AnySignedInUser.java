package jp.kakaritsuke.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Any signed-in user may call this service method: it checks neither a role nor a facility's or association's scope,
 * on purpose — it reads published reference data, or acts only on the caller's own account, or answers only what the
 * caller may see by construction. Enforces the sign-in ({@code @PreAuthorize("isAuthenticated()")}), and says the
 * method is open so that {@code ServiceAccessRuleTest} accepts it (docs/security.md §1). Never beside another
 * {@code @PreAuthorize} on the same method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("isAuthenticated()")
public @interface AnySignedInUser {
}
