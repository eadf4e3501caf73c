package jp.kakaritsuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.AppUserSearch.AccountFilter;
import jp.kakaritsuke.identity.domain.SystemRole;
import jp.kakaritsuke.identity.service.AccountAdminService;
import jp.kakaritsuke.identity.service.AccountAdminService.AccountRow;
import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The administrators' account list: who may use it, the search and its pages, the actions and their records. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AccountAdminTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountAdminService admin;

    @Autowired
    AppUserRepository users;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    String newUser() {
        return fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
    }

    long id(String username) {
        return users.findByUsername(username).orElseThrow().getId();
    }

    boolean audited(AuditAction action, String subject) {
        return events.stream(AuditEvent.class).anyMatch(e -> e.action() == action && subject.equals(e.subject()));
    }

    @Test
    void onlyAdministratorsSeeOrChangeAccounts() {
        String user = newUser();
        long victim = id(newUser());
        Fixtures.as(user);
        assertThatThrownBy(() -> admin.search(null, AccountFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.count(null, AccountFilter.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.disable(victim)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.forceReset(victim)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.unlock(victim)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.findById(victim).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void theSearchFindsPartsOfUserNamesNamesAndAddressesPageByPage() {
        String a = newUser();
        String b = newUser();
        Fixtures.asAdmin();
        // user names are "u" + 12 hex digits; addresses are <user name>@example.jp; names "テスト <user name>"
        assertThat(admin.search(a.substring(3, 10), AccountFilter.ALL, 0, 10)).extracting(AccountRow::username).containsExactly(a);
        assertThat(admin.search(b + "@example", AccountFilter.ALL, 0, 10)).extracting(AccountRow::username).containsExactly(b);
        // typed full-width with an IME: the same characters
        String fullWidth = b.substring(0, 8).chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0))).reduce("", String::concat);
        assertThat(admin.search(fullWidth, AccountFilter.ALL, 0, 10)).extracting(AccountRow::username).contains(b);
        assertThat(admin.search("テスト " + a.toUpperCase(), AccountFilter.ALL, 0, 10)).extracting(AccountRow::username).containsExactly(a);
        // LIKE's wildcards are plain characters here
        assertThat(admin.count("%", AccountFilter.ALL)).isZero();
        assertThat(admin.count("_", AccountFilter.ALL)).isZero();

        long all = admin.count(null, AccountFilter.ALL);
        assertThat(all).isGreaterThanOrEqualTo(3);
        assertThat(admin.search(null, AccountFilter.ALL, 0, 1000)).hasSize((int) all);
        // any slice, not only whole pages: a lazy grid asks for offsets that are no multiple of its page size
        var firstThree = admin.search(null, AccountFilter.ALL, 0, 3);
        assertThat(admin.search(null, AccountFilter.ALL, 1, 2)).isEqualTo(firstThree.subList(1, 3));
        assertThat(admin.search("admin", AccountFilter.ALL, 0, 10)).filteredOn(AccountRow::self)
                .singleElement().satisfies(r -> assertThat(r.admin()).isTrue());
    }

    @Test
    void disablingAndEnablingAreRecordedAndListedAndNobodyDisablesThemselves() {
        String user = newUser();
        long userId = id(user);
        Fixtures.asAdmin();
        admin.disable(userId);
        assertThat(audited(AuditAction.ACCOUNT_DISABLED, user)).isTrue();
        assertThat(admin.search(user, AccountFilter.DISABLED, 0, 10)).singleElement()
                .satisfies(r -> assertThat(r.enabled()).isFalse());
        admin.enable(userId);
        assertThat(audited(AuditAction.ACCOUNT_ENABLED, user)).isTrue();
        assertThat(admin.count(user, AccountFilter.DISABLED)).isZero();

        long me = id("admin");
        assertThatThrownBy(() -> admin.disable(me)).isInstanceOf(AccountException.class).hasMessage("accountsAdmin.error.self");
        assertThatThrownBy(() -> admin.forceReset(me)).isInstanceOf(AccountException.class).hasMessage("accountsAdmin.error.self");
        assertThat(users.findById(me).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void failedLoginsShowInTheListAndTheAdministratorUnlocks() {
        String user = newUser();
        Fixtures.anonymous();
        for (int i = 0; i < 5; i++) {
            throttle.failed(user, "192.0.2.77");
        }
        Fixtures.asAdmin();
        AccountRow row = admin.search(user, AccountFilter.FAILED_LOGINS, 0, 10).getFirst();
        assertThat(row.failedLogins()).isEqualTo(5);
        assertThat(row.locked()).isTrue();
        assertThat(row.lockedUntil()).isAfter(Instant.now());
        admin.unlock(row.userId());
        assertThat(admin.count(user, AccountFilter.FAILED_LOGINS)).isZero();
        assertThat(audited(AuditAction.ACCOUNT_UNLOCKED, user)).isTrue();
    }

    @Test
    void aResetIsNotForcedOnAnAccountWithoutAnAddressOrADisabledOne() {
        // made before addresses were asked for (issue 13): it could never get back in
        String legacy = "legacy" + UUID.randomUUID().toString().substring(0, 8);
        users.save(new AppUser(legacy, "{noop}unused", "旧アカウント", SystemRole.USER, Instant.now()));
        String disabled = newUser();
        Fixtures.asAdmin();
        String hash = users.findByUsername(legacy).orElseThrow().getPasswordHash();
        assertThatThrownBy(() -> admin.forceReset(id(legacy))).isInstanceOf(AccountException.class)
                .hasMessage("accountsAdmin.error.noEmail");
        assertThat(users.findByUsername(legacy).orElseThrow().getPasswordHash()).isEqualTo(hash);
        admin.disable(id(disabled));
        assertThatThrownBy(() -> admin.forceReset(id(disabled))).isInstanceOf(AccountException.class)
                .hasMessage("accountsAdmin.error.disabled");
    }
}
