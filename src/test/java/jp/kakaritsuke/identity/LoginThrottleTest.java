package jp.kakaritsuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.service.LoginThrottle.LoginRefusedException;
import jp.kakaritsuke.identity.service.LoginThrottle.Reason;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force protection of the password login: per account (database) and per address (memory), decided before
 * the password hash runs (the encoder is a spy that must not be called), unknown names treated like real ones, and
 * the administrator's unlock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AppUserRepository users;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEvents events;

    @MockitoSpyBean
    PasswordEncoder encoder;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    /** A form login from {@code address}; returns what the failure handler kept (null on success). */
    Object login(String username, String password, String address) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
        String target = result.getResponse().getRedirectedUrl();
        if ("/start".equals(target)) {
            return null;
        }
        assertThat(target).isEqualTo("/login?error");
        return result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    static String address() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    String newUser() {
        String username = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
        Fixtures.anonymous();
        return username;
    }

    AppUser user(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    /** What a lock's end would do: the clock is real, so the test moves the end into the past. */
    void expireLock(String username) {
        tx.executeWithoutResult(s -> users.lockUntil(user(username).getId(), Instant.now().minusSeconds(1)));
    }

    long auditEvents(AuditAction action, String subject) {
        return events.stream(AuditEvent.class).filter(e -> e.action() == action && subject.equals(e.subject())).count();
    }

    @Test
    void fiveFailuresLockTheAccountForFiveMinutesAndTheLockIsCheckedBeforeAnyHash() throws Exception {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "wrong-password-" + i, address())).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(user(username).getFailedLogins()).isEqualTo(5);
        assertThat(user(username).getLockedUntil()).isBetween(Instant.now().plus(Duration.ofMinutes(4)),
                Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(auditEvents(AuditAction.ACCOUNT_LOCKED, username)).isEqualTo(1);

        clearInvocations(encoder);
        // even the right password, from another address, is refused without being hashed
        assertThat(login(username, Fixtures.PASSWORD, address()))
                .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ACCOUNT_LOCKED));
        verify(encoder, never()).matches(any(), any());
        assertThat(user(username).getFailedLogins()).isEqualTo(5); // refusals are not counted as failures

        expireLock(username);
        assertThat(login(username, Fixtures.PASSWORD, address())).isNull();
        assertThat(user(username).getFailedLogins()).isZero();
        assertThat(user(username).getLockedUntil()).isNull();
    }

    @Test
    void locksGrowAndAfterTwentyFailuresOnlyAnAdministratorUnlocks() throws Exception {
        String username = newUser();
        Duration[] expected = {Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20)};
        for (Duration lock : expected) {
            for (int i = 0; i < 5; i++) {
                assertThat(login(username, "wrong-password", address())).isInstanceOf(BadCredentialsException.class);
            }
            assertThat(Duration.between(Instant.now(), user(username).getLockedUntil())).isBetween(lock.minusMinutes(1), lock);
            expireLock(username);
        }
        for (int i = 0; i < 5; i++) {
            login(username, "wrong-password", address());
        }
        assertThat(user(username).getFailedLogins()).isEqualTo(20);
        expireLock(username);
        assertThat(login(username, Fixtures.PASSWORD, address())).isInstanceOf(LoginRefusedException.class);
        assertThat(auditEvents(AuditAction.ACCOUNT_LOCKED, username)).isEqualTo(4);

        long id = user(username).getId();
        Fixtures.as(username);
        assertThatThrownBy(() -> throttle.unlock(id)).isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        assertThatThrownBy(() -> throttle.accountsWithFailedLogins())
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);

        Fixtures.asAdmin();
        assertThat(throttle.accountsWithFailedLogins()).filteredOn(a -> a.username().equals(username)).singleElement()
                .satisfies(a -> {
                    assertThat(a.locked()).isTrue();
                    assertThat(a.lockedUntil()).isNull();
                    assertThat(a.failedLogins()).isEqualTo(20);
                });
        throttle.unlock(id);
        assertThat(auditEvents(AuditAction.ACCOUNT_UNLOCKED, username)).isEqualTo(1);
        assertThat(throttle.accountsWithFailedLogins()).noneMatch(a -> a.username().equals(username));
        Fixtures.anonymous();
        assertThat(login(username, Fixtures.PASSWORD, address())).isNull();
    }

    @Test
    void unknownUserNamesAreLockedLikeAccountsSoTheAnswerDoesNotTellWhichExist() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID();
        String known = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(login(unknown, "wrong-password", address())).isInstanceOf(BadCredentialsException.class);
            assertThat(login(known, "wrong-password", address())).isInstanceOf(BadCredentialsException.class);
        }
        clearInvocations(encoder);
        Object forUnknown = login(unknown, "wrong-password", address());
        Object forKnown = login(known, "wrong-password", address());
        assertThat(forUnknown).isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ACCOUNT_LOCKED));
        assertThat(forKnown).isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ACCOUNT_LOCKED));
        assertThat(((Exception) forUnknown).getMessage()).isEqualTo(((Exception) forKnown).getMessage());
        verify(encoder, never()).matches(any(), any());
    }

    @Autowired
    jp.kakaritsuke.identity.domain.LoginNameFailureRepository unknownNames;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    /**
     * Several nodes (issue 14): a second node is a LoginThrottle with its own memory on the same database. Failures of
     * an unknown name spread over both nodes lock it on both, as they would an account (before, each node counted
     * unknown names in its memory, so a name tried on two nodes told whether it existed). Addresses stay per node.
     */
    @Test
    void unknownNamesAreCountedAcrossNodesLikeAccountsAddressesPerNode() throws Exception {
        LoginThrottle otherNode = new LoginThrottle(users, unknownNames, publisher, java.time.Clock.systemUTC(), 5, 5, 20, 20, 15, 10_000);
        String unknown = "nobody-" + UUID.randomUUID();
        String known = newUser();
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            LoginThrottle node = i % 2 == 0 ? throttle : otherNode;
            tx.executeWithoutResult(s -> {
                node.failed(unknown, attacker);
                node.failed(known, attacker);
            });
        }
        for (LoginThrottle node : List.of(throttle, otherNode)) {
            for (String name : List.of(unknown, known)) {
                assertThatThrownBy(() -> node.check(name, address())).as(name)
                        .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ACCOUNT_LOCKED));
            }
        }
        assertThat(unknownNames.find(jp.kakaritsuke.identity.domain.LoginNameFailureRepository.key(unknown)))
                .hasValueSatisfying(f -> assertThat(f.failures()).isEqualTo(5));
        // the address's 10 failures were split 6/4 between the nodes' memories: neither blocks it at 20 (per node)
        tx.executeWithoutResult(s -> otherNode.check("someone-" + UUID.randomUUID(), attacker));
    }

    /** The unknown names' table is bounded like the memory was: the least recent failures go. */
    @Test
    void theUnknownNamesTableKeepsTheMostRecentNames() {
        // after every other row (tests run one after the other; what goes are older tests' finished counts)
        Instant later = Instant.parse("2100-01-01T00:00:00Z");
        List<String> keys = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> jp.kakaritsuke.identity.domain.LoginNameFailureRepository.key("bounded-" + UUID.randomUUID())).toList();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < keys.size(); i++) {
                assertThat(unknownNames.countFailure(keys.get(i), later.plusSeconds(i))).as("new").isTrue();
            }
            assertThat(unknownNames.countFailure(keys.getLast(), later.plusSeconds(9))).as("counted again").isFalse();
            unknownNames.keepMostRecent(5);
        });
        // the 6th most recent (key 2) marks the cut: what failed before it went
        for (int i = 0; i < keys.size(); i++) {
            assertThat(unknownNames.find(keys.get(i)).isPresent()).as("key " + i).isEqualTo(i >= 2);
        }
        assertThat(unknownNames.find(keys.getLast())).hasValueSatisfying(f -> assertThat(f.failures()).isEqualTo(2));
    }

    @Test
    void anAddressWithTwentyFailuresIsBlockedForEveryAccountOthersAreNot() throws Exception {
        String attacker = address();
        String victim = newUser();
        for (int i = 0; i < 20; i++) {
            // a different name each time: no account lock, only the address counts
            assertThat(login("guess-" + UUID.randomUUID(), "wrong-password", attacker)).isInstanceOf(BadCredentialsException.class);
        }
        clearInvocations(encoder);
        assertThat(login(victim, Fixtures.PASSWORD, attacker))
                .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_BLOCKED));
        verify(encoder, never()).matches(any(), any());
        assertThat(user(victim).getFailedLogins()).isZero();
        assertThat(login(victim, Fixtures.PASSWORD, address())).isNull();
    }

    @Test
    void anIpv6SubscriberIsOneAddressPer64() throws Exception {
        String prefix = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":1::";
        for (int i = 0; i < 20; i++) {
            login("guess-" + UUID.randomUUID(), "wrong-password", prefix + Integer.toHexString(i + 1));
        }
        assertThat(login(newUser(), Fixtures.PASSWORD, prefix + "beef"))
                .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_BLOCKED));
    }

    @Test
    void failedLoginsAreLoggedWithTheNameAsTypedButNeverThePassword(CapturedOutput output) throws Exception {
        String address = address();
        login("mallory\n2026-12-01 INFO forged line", "Sup3r-Secret-Guess", address);
        assertThat(output).contains("Failed login for user name 'mallory?2026-12-01 INFO forged line' from " + address)
                .doesNotContain("Sup3r-Secret-Guess");
    }
}
