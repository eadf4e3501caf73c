package jp.kakaritsuke.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import jp.kakaritsuke.base.ClusterSync;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.SystemRole;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

class AdminBootstrapTest {

    final AppUserRepository users = mock(AppUserRepository.class);
    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneId.of("Asia/Tokyo"));
    final ClusterSync cluster = mock(ClusterSync.class);
    /** A transaction manager that does nothing: TransactionTemplate runs the callback as it is. */
    final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

    @Test
    void createsTheConfiguredAdministratorWhenNoUserExists() {
        when(users.count()).thenReturn(0L);
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, cluster, transactions, "boss", "s3cret-pass");
        assertThat(bootstrap.createAdminIfNoUserExists()).isTrue();
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getUsername()).isEqualTo("boss");
        assertThat(saved.getValue().getSystemRole()).isEqualTo(SystemRole.ADMIN);
        assertThat(saved.getValue().getCreatedAt()).isEqualTo(clock.instant());
        assertThat(encoder.matches("s3cret-pass", saved.getValue().getPasswordHash())).isTrue();
        verify(cluster).raise("admin-bootstrap"); // the lock row before the count the decision rests on
    }

    @Test
    void aNodeThatFindsTheAdministratorUnderTheLockCreatesNone() {
        // no user at the first look; under the lock the other node's administrator is there
        when(users.count()).thenReturn(0L, 1L);
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, cluster, transactions, "admin", "s3cret-pass");
        assertThat(bootstrap.createAdminIfNoUserExists()).isFalse();
        verify(cluster).raise("admin-bootstrap");
        verify(users, never()).save(any());
    }

    @Test
    void aCollisionWithAnotherNodeIsTriedAgain() {
        // a Galera certification failure (or a lock wait that gave up): the next attempt sees the administrator
        when(users.count()).thenReturn(0L, 0L, 1L);
        when(users.save(any())).thenThrow(new CannotAcquireLockException("Deadlock found when trying to get lock"));
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, cluster, transactions, "admin", "s3cret-pass");
        assertThat(bootstrap.createAdminIfNoUserExists()).isFalse();
        verify(cluster, org.mockito.Mockito.times(2)).raise("admin-bootstrap");
    }

    @Test
    void aCollisionOnEveryAttemptFailsTheStart() {
        when(users.count()).thenReturn(0L);
        when(users.save(any())).thenThrow(new CannotAcquireLockException("Lock wait timeout exceeded"));
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, cluster, transactions, "admin", "s3cret-pass");
        org.assertj.core.api.Assertions.assertThatThrownBy(bootstrap::createAdminIfNoUserExists)
                .isInstanceOf(CannotAcquireLockException.class);
        verify(users, org.mockito.Mockito.times(AdminBootstrap.ATTEMPTS)).save(any());
    }

    @Test
    void generatesAPasswordWhenNoneIsConfigured() {
        when(users.count()).thenReturn(0L);
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, cluster, transactions, "admin", " ");
        assertThat(bootstrap.createAdminIfNoUserExists()).isTrue();
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(encoder.matches(" ", saved.getValue().getPasswordHash())).isFalse();
        assertThat(saved.getValue().getPasswordHash()).startsWith("{bcrypt}");
    }

    @Test
    void doesNothingWhenUsersExist() {
        when(users.count()).thenReturn(3L);
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, cluster, transactions, "admin", "x");
        assertThat(bootstrap.createAdminIfNoUserExists()).isFalse();
        verify(users, never()).save(any());
        verify(cluster, never()).raise(any()); // every start but the first writes nothing
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aConfiguredPasswordBreakingTheRuleIsWarnedAboutNotRefused(org.springframework.boot.test.system.CapturedOutput output) {
        when(users.count()).thenReturn(0L);
        new AdminBootstrap(users, encoder, clock, cluster, transactions, "admin", "admin-password-1").createAdminIfNoUserExists();
        verify(users).save(any());
        assertThat(output).contains("app.bootstrap.admin-password does not meet the password rule (account.error.passwordUsername)")
                .doesNotContain("admin-password-1");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theGeneratedPasswordMeetsTheRule(org.springframework.boot.test.system.CapturedOutput output) {
        when(users.count()).thenReturn(0L);
        new AdminBootstrap(users, encoder, clock, cluster, transactions, "admin", "").createAdminIfNoUserExists();
        var m = java.util.regex.Pattern.compile("password '([^']+)'").matcher(output.getAll());
        assertThat(m.find()).isTrue();
        assertThat(PasswordPolicy.problem("admin", m.group(1))).isEmpty();
        assertThat(output).doesNotContain("does not meet the password rule");
    }
}
