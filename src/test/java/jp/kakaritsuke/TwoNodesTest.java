package jp.kakaritsuke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.ConcurrentEditException;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.service.LoginThrottle.LoginRefusedException;
import jp.kakaritsuke.identity.service.LoginThrottle.Reason;
import jp.kakaritsuke.scoring.domain.ScoringModel;
import jp.kakaritsuke.scoring.service.RecommendationService;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.ForkedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two nodes of one installation (issue 14, item 7; docs/deployment.md, decision 0009) on one MariaDB database made
 * for the test. First the installation's first start: two processes of the application (real nodes, each its own
 * JVM, {@link ForkedApp}) started together on the empty database both come up (one migrates under Liquibase's lock,
 * the other retries after the history-table race and waits; base.LiquibaseFirstStart), with one administrator and
 * each changeset run once. Then two complete application contexts in this JVM, each with its own web server on a
 * random port, started at the same moment, for the rest: the first administrator is created once even when both
 * nodes look for it at the same moment; an
 * edit through one node's service is read through the other's; a stale save on one node after the other saved is a
 * {@link ConcurrentEditException}, and two saves of one version at once leave one winner; a case-library reload on one
 * node reaches the other, whose API then serves the new library and whose scoring model is rebuilt from it; a
 * submission on one node is in the other's next rollup.
 * <p>
 * MariaDB run only: the nodes need a database server both reach. The H2 run's database is an in-memory H2 inside
 * this JVM, and the embedded H2 file is locked by the one process that opens it, so H2 never runs as two nodes. The
 * nodes use their own database ({@code <the run's database>_nodes}, dropped and created here, dropped at the end):
 * the run's own database is rebuilt by every new test context ({@code spring.liquibase.drop-first}), which must not
 * happen under the nodes, and the nodes must not drop it under the other tests either.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "SPRING_PROFILES_ACTIVE", matches = ".*\\bmariadb\\b.*", disabledReason =
        "MariaDB run only: two nodes need one database server both reach (the H2 run's database is in-memory in this JVM,"
                + " and an embedded H2 file is locked by the one process that opens it, so H2 never runs as two nodes)")
class TwoNodesTest {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static String serverUrl;
    static String database;
    static final List<String> readyProcesses = new ArrayList<>();

    @BeforeAll
    static void startTwoNodesTogether() throws Exception {
        String runUrl = System.getenv("SPRING_DATASOURCE_URL");
        int query = runUrl.indexOf('?');
        String base = query < 0 ? runUrl : runUrl.substring(0, query);
        String parameters = query < 0 ? "" : runUrl.substring(query);
        serverUrl = base.substring(0, base.lastIndexOf('/') + 1);
        database = base.substring(base.lastIndexOf('/') + 1) + "_nodes";
        assertThat(database).matches("[A-Za-z0-9_]+");
        sql("DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        String nodesUrl = serverUrl + database + parameters;
        String[] nodeArguments = {
                "--spring.datasource.url=" + nodesUrl,
                "--spring.liquibase.drop-first=false", // a fresh database; never drop it under the other node
                "--app.cluster.migration-lock-wait=PT30M", // the other node's migration on a loaded machine
                "--test.mailbox.enabled=false"}; // mails stay in the outbox (no SMTP server)

        // 1. the first start of an installation: two processes (real nodes, each its own JVM) on the empty database
        try (ForkedApp one = ForkedApp.start(ProcessNode.class, Map.of(), nodeArguments);
             ForkedApp two = ForkedApp.start(ProcessNode.class, Map.of(), nodeArguments)) {
            for (ForkedApp node : List.of(one, two)) {
                // generous: a loaded machine takes minutes to start (not a timing assertion)
                readyProcesses.add(node.awaitMark(m -> m.startsWith("READY "), Duration.ofMinutes(20)));
                assertThat(node.awaitExit(Duration.ofMinutes(5))).as(node::output).isZero();
            }
        }

        // 2. two application contexts in this JVM, started at the same moment, for the rest of the tests. Logging is
        // one logback context per JVM: two starts initialising it at once race (one found its Spring Environment gone
        // from the logger context and failed to start, once in CI). Real nodes are JVMs of their own; here the
        // logging the earlier test contexts configured is kept, and the two starts leave it alone.
        String loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            // ForkedApp.run gives every node (process or context) a random management port
            Future<ConfigurableApplicationContext> a = starts.submit(() -> start("a", nodeArguments, together));
            Future<ConfigurableApplicationContext> b = starts.submit(() -> start("b", nodeArguments, together));
            try {
                nodeA = a.get(20, TimeUnit.MINUTES);
            } finally {
                nodeB = b.get(20, TimeUnit.MINUTES); // even when A failed: @AfterAll closes whatever started
            }
        } finally {
            starts.shutdownNow();
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
        // Vaadin's security configuration gives each context its own SecurityContextHolderStrategy and points the static
        // holder at the newest: Fixtures (static holder) act on node A; calls on node B get their user through actAs
        SecurityContextHolder.setContextHolderStrategy(nodeA.getBean(SecurityContextHolderStrategy.class));
    }

    /** A node in a process of its own: starts, says READY with its port, stops. */
    public static class ProcessNode {
        public static void main(String[] args) {
            ConfigurableApplicationContext context = ForkedApp.run(new SpringApplicationBuilder(), args);
            ForkedApp.mark("READY " + ((WebServerApplicationContext) context).getWebServer().getPort());
            context.close();
            System.exit(0);
        }
    }

    private static ConfigurableApplicationContext start(String node, String[] arguments, CyclicBarrier together) throws Exception {
        together.await(1, TimeUnit.MINUTES);
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--spring.datasource.hikari.pool-name=node-" + node, "--app.cluster.snapshot-check=PT1S"));
        return ForkedApp.run(new SpringApplicationBuilder(), all.toArray(String[]::new));
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        SecurityContextHolder.clearContext();
        if (database != null) {
            sql("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    @Order(1)
    void bothNodesStartTogetherOnAnEmptyDatabaseWithOneAdministratorAndOneMigration() {
        assertThat(readyProcesses).as("both processes of the first start came up").hasSize(2).doesNotHaveDuplicates();
        assertThat(nodeA.isActive()).isTrue();
        assertThat(nodeB.isActive()).isTrue();
        assertThat(port(nodeA)).isNotEqualTo(port(nodeB));
        JdbcClient jdbc = jdbc();
        assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("admin");
        // Liquibase's lock: every changeset ran once, and the lock was given back
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Integer.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT ID, AUTHOR, FILENAME FROM DATABASECHANGELOG) c")
                        .query(Integer.class).single())
                .isGreaterThan(30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE").query(Integer.class).single()).isZero();
    }

    /**
     * At start-up the node that waited for Liquibase's lock looks for the administrator seconds after the other, so the
     * start above rarely races. Here both nodes' bootstraps look at once on a database without users, three times.
     */
    @Test
    @Order(2)
    void theFirstAdministratorIsCreatedOnceWhenBothNodesLookForItAtOnce() throws Exception {
        JdbcClient jdbc = jdbc();
        ApplicationRunner onA = nodeA.getBean("adminBootstrap", ApplicationRunner.class);
        ApplicationRunner onB = nodeB.getBean("adminBootstrap", ApplicationRunner.class);
        for (int i = 0; i < 3; i++) {
            jdbc.sql("DELETE FROM app_user").update(); // nothing refers to the administrator yet
            long generation = generation("admin-bootstrap");
            atOnce(() -> {
                onA.run(null);
                return null;
            }, () -> {
                onB.run(null);
                return null;
            });
            assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("admin");
            assertThat(generation("admin-bootstrap")).as("each node that found no user locked the row")
                    .isGreaterThan(generation);
        }
    }

    @Test
    @Order(3)
    void anEditOnOneNodeIsReadOnTheOtherAndAStaleSaveIsAConflict() {
        RoundService onA = nodeA.getBean(RoundService.class);
        RoundService onB = nodeB.getBean(RoundService.class);
        long round = draftAsEditor();
        actAs(nodeB, SecurityContextHolder.getContext().getAuthentication()); // the same editor on node B
        RoleAnswerView first = onA.round(round).answers().getFirst();
        RoleCode role = first.roleCode();

        RoleAnswerView savedOnA = onA.saveRoleAnswer(round, role, first.version(), new RoleAnswerInput(3, true, null, Map.of()));
        RoleAnswerView readOnB = onB.round(round).answer(role);
        assertThat(readOnB.level()).isEqualTo(3);
        assertThat(readOnB.priority()).isTrue();
        assertThat(readOnB.version()).isEqualTo(savedOnA.version()).isGreaterThan(first.version());

        // both screens show readOnB's version; A saves first, B's save with that version is refused and told A's answer
        onA.saveRoleAnswer(round, role, readOnB.version(), new RoleAnswerInput(4, false, null, Map.of()));
        assertThatThrownBy(() -> onB.saveRoleAnswer(round, role, readOnB.version(), new RoleAnswerInput(1, false, null, Map.of())))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> assertThat(e.current().level()).isEqualTo(4));
        assertThat(onB.round(round).answer(role).level()).isEqualTo(4);
        assertThat(onA.round(round).answer(role).level()).isEqualTo(4);
    }

    @Test
    @Order(4)
    void twoSavesOfOneVersionAtOnceOnTwoNodesLeaveOneWinnerAndReportTheOther() throws Exception {
        RoundService onA = nodeA.getBean(RoundService.class);
        RoundService onB = nodeB.getBean(RoundService.class);
        long round = draftAsEditor();
        RoleAnswerView answer = onA.round(round).answers().get(1);
        RoleCode role = answer.roleCode();
        Authentication editor = SecurityContextHolder.getContext().getAuthentication();
        List<Object> outcomes = atOnce(() -> {
            actAs(nodeA, editor);
            return onA.saveRoleAnswer(round, role, answer.version(), new RoleAnswerInput(2, false, null, Map.of()));
        }, () -> {
            actAs(nodeB, editor);
            return onB.saveRoleAnswer(round, role, answer.version(), new RoleAnswerInput(3, false, null, Map.of()));
        });
        List<RoleAnswerView> saved = outcomes.stream().filter(RoleAnswerView.class::isInstance).map(RoleAnswerView.class::cast).toList();
        List<Object> refused = outcomes.stream().filter(o -> !(o instanceof RoleAnswerView)).toList();
        assertThat(saved).as("one save wins").hasSize(1);
        assertThat(refused).singleElement().as("the other is reported, not lost silently")
                .isInstanceOfAny(ConcurrentEditException.class, OptimisticLockingFailureException.class);
        int winner = saved.getFirst().level();
        assertThat(onA.round(round).answer(role).level()).isEqualTo(winner);
        assertThat(onB.round(round).answer(role).level()).isEqualTo(winner);
    }

    @Test
    @Order(5)
    void aCaseLibraryReloadOnOneNodeReachesTheOther() throws Exception {
        CaseLibraryService libraryA = nodeA.getBean(CaseLibraryService.class);
        CaseLibraryService libraryB = nodeB.getBean(CaseLibraryService.class);
        RecommendationService scoringB = nodeB.getBean(RecommendationService.class);
        CaseLibrary beforeB = libraryB.library();
        ScoringModel modelBeforeB = scoringB.model();
        CaseStudy study = beforeB.cases().getFirst();
        String renamed = study.name() + "（二ノード試験で改名）";
        assertThat(get(nodeB, "/api/v1/cases/" + study.number())).doesNotContain(renamed);

        // an administrator's change of the reference data, then the reload on node A
        jdbc().sql("UPDATE case_study SET name = :name WHERE case_number = :number")
                .param("name", renamed).param("number", study.number()).update();
        Fixtures.asAdmin();
        libraryA.reload();
        assertThat(libraryA.library().caseStudy(study.number()).orElseThrow().name()).isEqualTo(renamed);

        // node B reads it again at its next check (every second here, 5 s by default)
        await(() -> libraryB.library() != beforeB, "node B reads the reloaded library");
        assertThat(libraryB.library().caseStudy(study.number()).orElseThrow().name()).isEqualTo(renamed);
        assertThat(get(nodeB, "/api/v1/cases/" + study.number())).contains(renamed);
        assertThat(scoringB.model()).as("scoring's model is rebuilt from the new snapshot").isNotSameAs(modelBeforeB);
    }

    /** Failed logins of a name no account has, spread over both nodes, lock it on both, as they would an account. */
    @Test
    @Order(6)
    void anUnknownNameTriedOnBothNodesIsLockedOnBothLikeAnAccount() {
        LoginThrottle throttleA = nodeA.getBean(LoginThrottle.class);
        LoginThrottle throttleB = nodeB.getBean(LoginThrottle.class);
        String unknown = "nobody-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? throttleA : throttleB).failed(unknown, "192.0.2." + (i + 1));
        }
        for (LoginThrottle throttle : List.of(throttleA, throttleB)) {
            assertThatThrownBy(() -> throttle.check(unknown, "198.51.100.7"))
                    .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ACCOUNT_LOCKED));
        }
    }

    /**
     * Each node holds associations' read model in memory (associations.service.MemberIndex, decision 0012): a member's
     * consent and submission made through node A are in node B's next rollup, whose index had loaded before them.
     */
    @Test
    @Order(7)
    void aSubmissionOnOneNodeIsCountedInTheOtherNodesNextRollup() {
        Fixtures fixtures = nodeA.getBean(Fixtures.class);
        Fixtures.asAdmin();
        long association = nodeA.getBean(AssociationAdminService.class).create("二ノード医師会 " + System.nanoTime(),
                AssociationLevel.PREFECTURAL, "茨城県", null);
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        Fixtures.asAdmin();
        nodeA.getBean(AssociationAdminService.class).addFacility(association, clinic.id());
        fixtures.member(clinic, MemberRole.EDITOR);
        nodeA.getBean(FacilityService.class).setConsent(clinic.id(), true);
        Authentication editor = SecurityContextHolder.getContext().getAuthentication();

        RollupService rollupB = nodeB.getBean(RollupService.class);
        Authentication admin = UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        actAs(nodeB, admin);
        try {
            assertThat(rollupB.rollup(association).identifiedMembers()).singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo(Rollup.Status.NOT_STARTED));

            actAs(nodeA, editor);
            long round = fixtures.submitRound(clinic.id(), role -> 3, role -> role == RoleCode.HOME_CARE);
            actAs(nodeB, admin); // the static holder too (identity reads it), which actAs(nodeA, …) had set
            assertThat(rollupB.rollup(association).identifiedMembers()).singleElement().satisfies(m -> {
                assertThat(m.status()).isEqualTo(Rollup.Status.SUBMITTED);
                assertThat(m.lastRoundId()).isEqualTo(round);
                assertThat(m.profile().levelOrZero(RoleCode.HOME_CARE)).isEqualTo(3);
                assertThat(m.profile().isPriority(RoleCode.HOME_CARE)).isTrue();
            });
        } finally {
            actAs(nodeB, null);
        }
    }

    // ---- helpers ----

    /**
     * The user of this thread's calls into {@code node}'s services; null: nobody. Set in the node's own holder strategy
     * (its method security reads that) and in the static holder's (code that asks {@code SecurityContextHolder}
     * directly, as UserAccountService does): both thread-local, so two threads acting on two nodes do not meet.
     */
    private static void actAs(ConfigurableApplicationContext node, Authentication who) {
        for (SecurityContextHolderStrategy strategy : List.of(node.getBean(SecurityContextHolderStrategy.class),
                SecurityContextHolder.getContextHolderStrategy())) {
            if (who == null) {
                strategy.clearContext();
            } else {
                SecurityContext context = strategy.createEmptyContext();
                context.setAuthentication(who);
                strategy.setContext(context);
            }
        }
    }

    /** A new clinic with an editor (made on node A) and a draft round; node A's security context is that editor's. */
    private static long draftAsEditor() {
        Fixtures fixtures = nodeA.getBean(Fixtures.class);
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        RoundView round = nodeA.getBean(RoundService.class).startRound(clinic.id());
        return round.summary().id();
    }

    /** Runs both at the same moment on two threads; each outcome is its result or the exception it threw. */
    @SafeVarargs
    private static List<Object> atOnce(Callable<Object>... calls) throws Exception {
        CyclicBarrier together = new CyclicBarrier(calls.length);
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(threads.submit(() -> {
                    together.await(1, TimeUnit.MINUTES);
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    } finally {
                        actAs(nodeA, null);
                        actAs(nodeB, null);
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(2, TimeUnit.MINUTES));
            }
            for (Object outcome : outcomes) {
                if (outcome instanceof RuntimeException e
                        && !(e instanceof ConcurrentEditException || e instanceof OptimisticLockingFailureException)) {
                    throw new AssertionError("unexpected failure on one node", e);
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Waits for a condition another node's check brings about; fails after a generous minute. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within a minute: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static long generation(String key) {
        return jdbc().sql("SELECT generation FROM cluster_sync WHERE sync_key = :key").param("key", key)
                .query(Long.class).single();
    }

    private static JdbcClient jdbc() {
        return nodeA.getBean(JdbcClient.class);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String get(ConfigurableApplicationContext node, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(serverUrl, System.getenv("SPRING_DATASOURCE_USERNAME"),
                System.getenv("SPRING_DATASOURCE_PASSWORD")); Statement statement = connection.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }
}
