package jp.kakaritsuke;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import jp.kakaritsuke.base.WithoutTransaction;
import org.junit.jupiter.api.Test;

/**
 * Repositories only inside transactions (the rule of Vaadin's walking skeleton, stated for the caller): every call of a
 * repository from outside the domain runs in a transaction the calling service opened — a {@code @Transactional}
 * method or class entered through its Spring proxy, or {@code TransactionTemplate.execute…} — directly or because
 * every caller of the calling method (private helpers, lambdas, methods of other classes) runs in one. A call within
 * the same class does not pass the proxy, so it does not start the callee's transaction. Repositories and the domain
 * may call repositories (they run in their caller's transaction). A method that deliberately runs statement by
 * statement says so with {@link WithoutTransaction} and why. A repository is a Spring Data interface, an
 * {@code @Repository} class, or one of our classes named …Repository / …RepositoryImpl (Spring Data fragments).
 */
class TransactionRuleTest {

    @Test
    void repositoriesAreCalledOnlyInsideTransactions() {
        assertThat(outsideTransactions(ModularityTest.CLASSES))
                .as("repository calls outside a transaction (caller → repository method); make the calling service "
                        + "method (or its class) @Transactional, or use a TransactionTemplate")
                .isEmpty();
    }

    /** The rule on planted examples (src/test/java/example/archrules): it must find exactly the unprotected calls. */
    @Test
    void theRuleFindsACallOutsideATransactionAndAcceptsTheOthers() {
        JavaClasses examples = new ClassFileImporter().importPackages("example.archrules");
        assertThat(outsideTransactions(examples)).containsExactly(
                "example.archrules.clinic.service.ClinicService.name(long) → example.archrules.clinic.service.ClinicRepository.name(long)",
                "example.archrules.clinic.service.ClinicService.unchecked(long) → example.archrules.clinic.service.ClinicRepository.name(long)");
    }

    /**
     * A module calls only its own repositories: another module's data comes through that module's service (which
     * checks access and owns the transaction) or a read model of the caller's own (decision 0008).
     */
    @Test
    void modulesCallOnlyTheirOwnRepositories() {
        assertThat(foreignRepositoryUses(ModularityTest.CLASSES, TableOwnershipTest::module))
                .as("a module calls another module's repository (caller → repository); call the owning module's service")
                .isEmpty();
    }

    /** The module rule on planted examples: the ward module reading the clinic module's repository is found. */
    @Test
    void theModuleRuleFindsAnotherModulesRepository() {
        JavaClasses examples = new ClassFileImporter().importPackages("example.archrules");
        assertThat(foreignRepositoryUses(examples, TransactionRuleTest::exampleModule))
                .containsExactly("example.archrules.ward.service.WardService → example.archrules.clinic.service.ClinicRepository");
    }

    /** The planted examples' module: the package below example.archrules. */
    private static String exampleModule(String className) {
        String rest = className.substring("example.archrules.".length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : "";
    }

    static Set<String> foreignRepositoryUses(JavaClasses classes, Function<String, String> moduleOf) {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            for (JavaCodeUnitAccess<?> use : c.getMethodCallsFromSelf()) {
                JavaClass target = use.getTargetOwner();
                if (isRepository(target) && !moduleOf.apply(target.getName()).equals(moduleOf.apply(c.getName()))) {
                    found.add(c.getName() + " → " + target.getName());
                }
            }
        }
        return found;
    }

    /**
     * Repository method references handed to code that runs them in its own transaction, which the rule cannot follow:
     * the case library's loader runs in {@code base.SharedSnapshot}'s read-only TransactionTemplate (ClusterSyncTest).
     */
    static final Set<String> RUN_IN_A_TEMPLATE_ELSEWHERE = Set.of(
            "jp.kakaritsuke.caselibrary.service.CaseLibraryService.<init>(jp.kakaritsuke.caselibrary.domain.CaseLibraryRepository, "
                    + "jp.kakaritsuke.base.ClusterSync) → jp.kakaritsuke.caselibrary.domain.CaseLibraryRepository.load()");

    static Set<String> outsideTransactions(JavaClasses classes) {
        Set<String> found = new TreeSet<>();
        Map<JavaCodeUnit, Boolean> memo = new HashMap<>();
        for (JavaClass c : classes) {
            if (isDomain(c) || isRepository(c)) {
                continue;
            }
            List<JavaCodeUnitAccess<?>> uses = new ArrayList<>(c.getMethodCallsFromSelf());
            uses.addAll(c.getMethodReferencesFromSelf()); // repository::find in a stream is a call too
            for (JavaCodeUnitAccess<?> use : uses) {
                JavaClass target = use.getTargetOwner();
                if (!isRepository(target) || target.equals(c)
                        || use.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false)) {
                    continue;
                }
                if (!inTransaction(use.getOrigin(), memo)) {
                    String finding = use.getOrigin().getFullName() + " → " + target.getName() + "." + use.getName()
                            + use.getTarget().getFullName().substring(use.getTarget().getFullName().indexOf('('));
                    if (!RUN_IN_A_TEMPLATE_ELSEWHERE.contains(finding)) {
                        found.add(finding);
                    }
                }
            }
        }
        return found;
    }

    static boolean isDomain(JavaClass c) {
        String p = c.getPackageName();
        return p.endsWith(".domain") || p.contains(".domain.");
    }

    static boolean isRepository(JavaClass c) {
        return c.isAssignableTo("org.springframework.data.repository.Repository")
                || c.isAnnotatedWith("org.springframework.stereotype.Repository")
                || (!c.getPackageName().startsWith("org.springframework")
                        && (c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("RepositoryImpl")));
    }

    /** Whether the code unit always runs in a transaction. */
    static boolean inTransaction(JavaCodeUnit unit, Map<JavaCodeUnit, Boolean> memo) {
        Boolean known = memo.get(unit);
        if (known != null) {
            return known;
        }
        memo.put(unit, true); // a recursion neither proves nor refutes
        boolean result = opensProgrammatically(unit) || unit.isAnnotatedWith(WithoutTransaction.class)
                || calledOnlyInTransactions(unit, memo);
        memo.put(unit, result);
        return result;
    }

    private static boolean calledOnlyInTransactions(JavaCodeUnit unit, Map<JavaCodeUnit, Boolean> memo) {
        List<JavaCodeUnitAccess<?>> callers = new ArrayList<>(unit.getCallsOfSelf());
        if (unit instanceof JavaMethod method) {
            callers.addAll(method.getReferencesToSelf()); // this::helper runs where the reference is used
        }
        if (callers.isEmpty()) {
            return transactionalThroughProxy(unit); // called by the framework (a job, a listener) through its proxy
        }
        return callers.stream().allMatch(call -> {
            boolean fromOutside = !call.getOriginOwner().equals(unit.getOwner());
            return (fromOutside && transactionalThroughProxy(unit)) || inTransaction(call.getOrigin(), memo);
        });
    }

    private static boolean transactionalThroughProxy(JavaCodeUnit unit) {
        Set<JavaModifier> modifiers = unit.getModifiers();
        if (modifiers.contains(JavaModifier.PRIVATE) || modifiers.contains(JavaModifier.STATIC)) {
            return false;
        }
        return unit.isAnnotatedWith("org.springframework.transaction.annotation.Transactional")
                || unit.getOwner().isAnnotatedWith("org.springframework.transaction.annotation.Transactional")
                || unit.isAnnotatedWith("jakarta.transaction.Transactional")
                || unit.getOwner().isAnnotatedWith("jakarta.transaction.Transactional");
    }

    /** Runs code in a TransactionTemplate (ArchUnit counts a lambda's calls as its enclosing method's). */
    private static boolean opensProgrammatically(JavaCodeUnit unit) {
        return unit.getMethodCallsFromSelf().stream().anyMatch(call ->
                call.getTargetOwner().isAssignableTo("org.springframework.transaction.support.TransactionOperations")
                        && call.getName().startsWith("execute"));
    }
}
