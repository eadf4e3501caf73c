package jp.kakaritsuke;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.base.Anyone;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Access checks are not a convention: every public method of a service bean that a view ({@code ..ui..}) or the API
 * ({@code ..api..}) calls must check a role ({@code @PreAuthorize} with hasRole/hasAnyRole/hasAuthority/hasAnyAuthority,
 * {@code @Secured}, {@code @RolesAllowed}), or a facility's or association's scope (a call to one of the access
 * helpers' checks below, directly or through methods of its own class, lambdas included), or say that it is open:
 * {@link AnySignedInUser} or {@link Anyone} (docs/security.md §1). Static methods (pure validation) and the access
 * helpers themselves are exempt. A call to another service bean's method that checks counts (the callee checks,
 * through its proxy); a call to an open one does not.
 */
class ServiceAccessRuleTest {

    /** The scope checks: class → the methods that decide whether the caller may see or change something. */
    static final Map<String, Set<String>> SCOPE_CHECKS = Map.of(
            "jp.kakaritsuke.facility.service.FacilityAccess",
            Set.of("require", "requireEdit", "requireCreate", "allows", "roleIn", "grantedFacilities", "grantedFirstEditor"),
            "jp.kakaritsuke.associations.service.AssociationAccess",
            Set.of("requireVisible", "visible", "sight", "allows", "allowsCreate", "allowsFirstEditor", "facilities"),
            // the assessment services' one reading rule (a round the caller may not read answers as one that does not exist)
            "jp.kakaritsuke.assessment.service.RoundReader", Set.of("readable", "requireEditableDraft"));

    /** Who is calling and whether they may: the helpers are the checks, not subjects of the rule. */
    static final Set<String> ACCESS_HELPERS = Set.of("jp.kakaritsuke.facility.service.FacilityAccess",
            "jp.kakaritsuke.associations.service.AssociationAccess", "jp.kakaritsuke.identity.service.UserAccountService");

    private static final Pattern ROLE_EXPRESSION = Pattern.compile("\\bhas(Any)?(Role|Authority)\\s*\\(");

    @Test
    void everyServiceMethodBehindAPageOrTheApiChecksARoleOrAScopeOrSaysItIsOpen() {
        assertThat(unchecked(ModularityTest.CLASSES, SCOPE_CHECKS, ACCESS_HELPERS))
                .as("public service methods called from a view or the API that check neither a role nor a scope; check one, "
                        + "or mark the method @AnySignedInUser / @Anyone(\"why\") (jp.kakaritsuke.base, docs/security.md §1)")
                .isEmpty();
    }

    /** The rule on planted examples (src/test/java/example/archrules): it must find exactly the unchecked ones. */
    @Test
    void theRuleFindsAnUncheckedMethodAndAcceptsTheOthers() {
        JavaClasses examples = new ClassFileImporter().importPackages("example.archrules");
        assertThat(unchecked(examples, Map.of("example.archrules.clinic.service.ClinicAccess", Set.of("require")),
                Set.of("example.archrules.clinic.service.ClinicAccess")))
                .containsExactlyInAnyOrder("example.archrules.clinic.service.ClinicService.unchecked(long)",
                        "example.archrules.clinic.service.ClinicService.signedInOnly(long)");
    }

    static List<String> unchecked(JavaClasses classes, Map<String, Set<String>> scopeChecks, Set<String> helpers) {
        Set<JavaMethod> called = new TreeSet<>(Comparator.comparing(JavaMethod::getFullName));
        for (JavaClass caller : classes) {
            if (!isViewOrApi(caller)) {
                continue;
            }
            List<JavaCodeUnitAccess<?>> uses = new ArrayList<>(caller.getMethodCallsFromSelf());
            uses.addAll(caller.getMethodReferencesFromSelf()); // service::method handed to a grid or a button
            for (JavaCodeUnitAccess<?> call : uses) {
                JavaClass owner = call.getTargetOwner();
                if (!isServicePackage(owner) || helpers.contains(owner.getName())) {
                    continue;
                }
                call.getTarget().resolveMember().filter(JavaMethod.class::isInstance).map(JavaMethod.class::cast)
                        .ifPresent(m -> implementations(m).stream()
                        .filter(impl -> impl.getModifiers().contains(JavaModifier.PUBLIC)
                                && !impl.getModifiers().contains(JavaModifier.STATIC)
                                && isBean(impl.getOwner()) && !helpers.contains(impl.getOwner().getName()))
                        .forEach(called::add));
            }
        }
        Map<JavaMethod, Boolean> memo = new HashMap<>();
        return called.stream().filter(m -> !saysOpen(m) && !checks(m, scopeChecks, helpers, memo))
                .map(JavaMethod::getFullName).toList();
    }

    private static boolean isViewOrApi(JavaClass c) {
        String p = c.getPackageName();
        return p.endsWith(".ui") || p.contains(".ui.") || p.endsWith(".api") || p.contains(".api.");
    }

    private static boolean isServicePackage(JavaClass c) {
        return c.getPackageName().endsWith(".service");
    }

    private static boolean isBean(JavaClass c) {
        return c.isMetaAnnotatedWith(org.springframework.stereotype.Component.class);
    }

    /** A method itself, or — for an interface method — the methods of the service beans implementing it. */
    private static Set<JavaMethod> implementations(JavaMethod m) {
        if (!m.getOwner().isInterface()) {
            return Set.of(m);
        }
        Set<JavaMethod> result = new HashSet<>();
        for (JavaClass impl : m.getOwner().getAllSubclasses()) {
            if (!impl.isInterface()) {
                impl.tryGetMethod(m.getName(), m.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new))
                        .ifPresent(result::add);
            }
        }
        return result;
    }

    static boolean checksRole(JavaMethod m) {
        Optional<PreAuthorize> pre = m.tryGetAnnotationOfType(PreAuthorize.class)
                .or(() -> m.getOwner().tryGetAnnotationOfType(PreAuthorize.class));
        return pre.map(p -> ROLE_EXPRESSION.matcher(p.value()).find()).orElse(false)
                || m.isAnnotatedWith("org.springframework.security.access.annotation.Secured")
                || m.getOwner().isAnnotatedWith("org.springframework.security.access.annotation.Secured")
                || m.isAnnotatedWith("jakarta.annotation.security.RolesAllowed")
                || m.getOwner().isAnnotatedWith("jakarta.annotation.security.RolesAllowed");
    }

    static boolean saysOpen(JavaMethod m) {
        return m.isAnnotatedWith(AnySignedInUser.class) || m.isAnnotatedWith(Anyone.class);
    }

    /**
     * Checks a role, or calls a scope check or another service bean's method that checks (through its proxy: the
     * check is the callee's), directly or through code of its own class (private helpers, lambdas, method references).
     */
    static boolean checks(JavaMethod start, Map<String, Set<String>> scopeChecks, Set<String> helpers,
                          Map<JavaMethod, Boolean> memo) {
        if (checksRole(start)) {
            return true;
        }
        Boolean known = memo.get(start);
        if (known != null) {
            return known;
        }
        memo.put(start, false); // a cycle proves nothing
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(start));
        boolean result = false;
        while (!todo.isEmpty() && !result) {
            JavaCodeUnit unit = todo.pop();
            if (!seen.add(unit)) {
                continue;
            }
            List<JavaCodeUnitAccess<?>> uses = new ArrayList<>(unit.getMethodCallsFromSelf());
            uses.addAll(unit.getMethodReferencesFromSelf());
            for (JavaCodeUnitAccess<?> use : uses) {
                JavaClass owner = use.getTargetOwner();
                Set<String> checks = scopeChecks.get(owner.getName());
                if (checks != null && checks.contains(use.getName())) {
                    result = true;
                    break;
                }
                Optional<? extends JavaCodeUnit> target = use.getTarget().resolveMember();
                if (owner.equals(start.getOwner())) {
                    target.ifPresent(todo::push);
                } else if (isServicePackage(owner) && !helpers.contains(owner.getName()) && target.isPresent()
                        && target.get() instanceof JavaMethod other) {
                    for (JavaMethod impl : implementations(other)) {
                        if (isBean(impl.getOwner()) && impl.getModifiers().contains(JavaModifier.PUBLIC)
                                && !saysOpen(impl) && checks(impl, scopeChecks, helpers, memo)) {
                            result = true;
                            break;
                        }
                    }
                }
            }
        }
        memo.put(start, result);
        return result;
    }
}
