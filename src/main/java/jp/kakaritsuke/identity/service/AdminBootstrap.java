package jp.kakaritsuke.identity.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.SystemRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator from {@code app.bootstrap.admin-username} / {@code app.bootstrap.admin-password}
 * when no user exists yet. Without a configured password one is generated and printed once to the log: it is
 * never stored in clear text, so it cannot be shown again.
 */
@Service
@org.springframework.core.annotation.Order(10) // before anything that needs the administrator (demo data)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String username;
    private final String password;

    AdminBootstrap(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock,
                   @Value("${app.bootstrap.admin-username:admin}") String username,
                   @Value("${app.bootstrap.admin-password:}") String password) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        createAdminIfNoUserExists();
    }

    /** @return true when an administrator was created */
    boolean createAdminIfNoUserExists() {
        if (users.count() > 0) {
            return false;
        }
        boolean generated = password == null || password.isBlank();
        String clear = generated ? generatePassword() : PasswordPolicy.normalize(password);
        if (!generated) {
            // Warned, not refused: the operator chose it in the configuration and reads this log, and refusing would
            // leave the application without anyone who can log in.
            PasswordPolicy.problem(username, clear).ifPresent(problem -> log.warn(
                    "app.bootstrap.admin-password does not meet the password rule ({}): choose another one before production use",
                    problem));
        }
        users.save(new AppUser(username, passwordEncoder.encode(clear), "管理者", SystemRole.ADMIN, clock.instant()));
        if (generated) {
            log.warn("""

                    ==================================================================
                     Initial administrator created: username '{}', password '{}'
                     This password is shown only once. Set app.bootstrap.admin-password to choose one.
                    ==================================================================""", username, clear);
        } else {
            log.info("Initial administrator '{}' created from app.bootstrap.admin-password", username);
        }
        return true;
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15]; // 20 characters, above PasswordPolicy.MIN_LENGTH
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
