package jp.kakaritsuke.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanInitializationException;

/** The retry of a first start that raced another node creating Liquibase's tables (TwoNodesTest runs the real race). */
class LiquibaseFirstStartTest {

    /** How Liquibase 4.33 reported the race on MariaDB: its setup failing on "Table 'DATABASECHANGELOG' already exists". */
    static LiquibaseException raced() {
        return new LiquibaseException("An error occurred while attempting to create the database changelog table",
                new DatabaseException(new SQLSyntaxErrorException("(conn=651) Table 'DATABASECHANGELOG' already exists", "42S01", 1050)));
    }

    @Test
    void theRaceIsRecognisedAndOtherFailuresAreNot() {
        assertThat(LiquibaseFirstStart.isTableCreationRace(raced())).isTrue();
        assertThat(LiquibaseFirstStart.isTableCreationRace(new LiquibaseException(
                new SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062)))).isTrue();
        assertThat(LiquibaseFirstStart.isTableCreationRace(new LiquibaseException(
                new SQLSyntaxErrorException("You have an error in your SQL syntax", "42000", 1064)))).isFalse();
        assertThat(LiquibaseFirstStart.isTableCreationRace(new LiquibaseException("Validation Failed: 1 changesets check sum"))).isFalse();
    }

    @Test
    void aRacedStartRunsAgainAndSucceeds() {
        AtomicInteger runs = new AtomicInteger();
        LiquibaseFirstStart.migrate(() -> {
            if (runs.incrementAndGet() == 1) {
                throw raced();
            }
        });
        assertThat(runs).hasValue(2);
    }

    @Test
    void anyOtherFailureFailsTheStartAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> LiquibaseFirstStart.migrate(() -> {
            runs.incrementAndGet();
            throw new LiquibaseException("Validation Failed: 1 changesets check sum");
        })).isInstanceOf(BeanInitializationException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void theMigrationWaitsForTheLockAsLongAsConfigured() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        LiquibaseFirstStart.withLockWait(java.time.Duration.ofMinutes(30),
                () -> seen.set(liquibase.GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getCurrentValue().intValue()));
        assertThat(seen).hasValue(30);
    }

    @Test
    void theRetriesEnd() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> LiquibaseFirstStart.migrate(() -> {
            runs.incrementAndGet();
            throw raced();
        })).isInstanceOf(BeanInitializationException.class);
        assertThat(runs).hasValue(LiquibaseFirstStart.ATTEMPTS);
    }
}
