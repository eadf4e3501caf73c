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
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.SystemRole;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class AdminBootstrapTest {

    final AppUserRepository users = mock(AppUserRepository.class);
    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @Test
    void createsTheConfiguredAdministratorWhenNoUserExists() {
        when(users.count()).thenReturn(0L);
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, "boss", "s3cret-pass");
        assertThat(bootstrap.createAdminIfNoUserExists()).isTrue();
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getUsername()).isEqualTo("boss");
        assertThat(saved.getValue().getSystemRole()).isEqualTo(SystemRole.ADMIN);
        assertThat(saved.getValue().getCreatedAt()).isEqualTo(clock.instant());
        assertThat(encoder.matches("s3cret-pass", saved.getValue().getPasswordHash())).isTrue();
    }

    @Test
    void generatesAPasswordWhenNoneIsConfigured() {
        when(users.count()).thenReturn(0L);
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, "admin", " ");
        assertThat(bootstrap.createAdminIfNoUserExists()).isTrue();
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(encoder.matches(" ", saved.getValue().getPasswordHash())).isFalse();
        assertThat(saved.getValue().getPasswordHash()).startsWith("{bcrypt}");
    }

    @Test
    void doesNothingWhenUsersExist() {
        when(users.count()).thenReturn(3L);
        AdminBootstrap bootstrap = new AdminBootstrap(users, encoder, clock, "admin", "x");
        assertThat(bootstrap.createAdminIfNoUserExists()).isFalse();
        verify(users, never()).save(any());
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aConfiguredPasswordBreakingTheRuleIsWarnedAboutNotRefused(org.springframework.boot.test.system.CapturedOutput output) {
        when(users.count()).thenReturn(0L);
        new AdminBootstrap(users, encoder, clock, "admin", "admin-password-1").createAdminIfNoUserExists();
        verify(users).save(any());
        assertThat(output).contains("app.bootstrap.admin-password does not meet the password rule (account.error.passwordUsername)")
                .doesNotContain("admin-password-1");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theGeneratedPasswordMeetsTheRule(org.springframework.boot.test.system.CapturedOutput output) {
        when(users.count()).thenReturn(0L);
        new AdminBootstrap(users, encoder, clock, "admin", "").createAdminIfNoUserExists();
        var m = java.util.regex.Pattern.compile("password '([^']+)'").matcher(output.getAll());
        assertThat(m.find()).isTrue();
        assertThat(PasswordPolicy.problem("admin", m.group(1))).isEmpty();
        assertThat(output).doesNotContain("does not meet the password rule");
    }
}
