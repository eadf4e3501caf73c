package jp.kakaritsuke.identity.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import jp.kakaritsuke.base.ClusterSync;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.SystemRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator from {@code app.bootstrap.admin-username} / {@code app.bootstrap.admin-password}
 * when no user exists yet. Without a configured password one is generated and printed once to the log: it is
 * never stored in clear text, so it cannot be shown again.
 * <p>
 * Several nodes started together on an empty database create it once: the creating transaction first raises the
 * {@code admin-bootstrap} row of {@link ClusterSync} (an UPDATE that locks the row), then counts the users. The second
 * node's UPDATE waits for the first one's commit and then counts its administrator; on a Galera cluster, where row
 * locks are not cluster-wide, the second commit fails certification instead and the retry finds the administrator.
 * Starts on a database that has users read one count and write nothing.
 */
@Service
@org.springframework.core.annotation.Order(10) // before anything that needs the administrator (demo data)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /** Attempts of the creating transaction (a lost Galera certification is retried). */
    static final int ATTEMPTS = 3;

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ClusterSync cluster;
    private final TransactionTemplate transaction;
    private final String username;
    private final String password;

    AdminBootstrap(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock, ClusterSync cluster,
                   PlatformTransactionManager transactions,
                   @Value("${app.bootstrap.admin-username:admin}") String username,
                   @Value("${app.bootstrap.admin-password:}") String password) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.cluster = cluster;
        this.transaction = new TransactionTemplate(transactions);
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdminIfNoUserExists();
    }

    /** @return true when this node created the administrator */
    boolean createAdminIfNoUserExists() {
        if (users.count() > 0) {
            return false; // every start but the first: no lock, no write
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
        String hash = passwordEncoder.encode(clear); // before the lock: the row is held only for a count and an insert
        for (int attempt = 1; ; attempt++) {
            try {
                Boolean created = transaction.execute(status -> createUnderLock(hash));
                if (!Boolean.TRUE.equals(created)) {
                    log.info("The first administrator was created by another node");
                    return false;
                }
                break;
            } catch (DataAccessException | TransactionException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Creating the first administrator collided with another node ({}); trying again", e.getMessage());
            }
        }
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

    /** In the transaction: the lock row first, then the count the decision rests on. */
    private boolean createUnderLock(String hash) {
        cluster.raise("admin-bootstrap");
        if (users.count() > 0) {
            return false;
        }
        users.save(new AppUser(username, hash, "管理者", SystemRole.ADMIN, clock.instant()));
        return true;
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15]; // 20 characters, above PasswordPolicy.MIN_LENGTH
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
