package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Changeset 028 on a database that has rows of the old shape (H2 in the H2 run; in the MariaDB run a database of its
 * own beside the suite's): the schema up to 027, facilities and their {@code facility_assessment_state} rows
 * (14-character levels and priorities, some shorter, some with '-', previous submissions with and without priorities,
 * drafts, facilities never assessed), then the real master. Every facility gets its {@code member_state} row with its
 * name, kind, municipality and consent, and profiles equal to what {@link RoleLevels#fromColumns} reads from the old
 * columns; the old table is gone.
 */
class MemberStateMigrationTest {

    record OldState(boolean draft, Long roundId, Instant submittedAt, String levels, String priorities,
                    String previousLevels, String previousPriorities) {
    }

    record OldFacility(long id, String name, String type, String municipality, boolean consent, OldState state) {
    }

    @Test
    void changeset028CarriesEveryFacilityAndItsStateIntoMemberState() throws Exception {
        DataSource ds = dataSource();
        liquibase(ds, "classpath:migration/before-member-state.xml", true);
        JdbcClient jdbc = JdbcClient.create(ds);
        List<OldFacility> facilities = oldRows(new Random(28));
        Timestamp created = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        for (OldFacility f : facilities) {
            jdbc.sql("""
                    INSERT INTO facility (id, name, facility_type, prefecture, municipality, consent_identified, created_at, version)
                    VALUES (?, ?, ?, '千葉県', ?, ?, ?, 0)""")
                    .params(f.id(), f.name(), f.type(), f.municipality(), f.consent(), created).update();
            OldState s = f.state();
            if (s == null) {
                continue;
            }
            if (s.roundId() != null) {
                Timestamp at = Timestamp.from(s.submittedAt());
                jdbc.sql("""
                        INSERT INTO assessment_round (id, facility_id, questionnaire_version, status, started_at, started_by,
                                                      updated_at, updated_by, submitted_at, submitted_by, version)
                        VALUES (?, ?, 1, 'SUBMITTED', ?, 'test', ?, 'test', ?, 'test', 0)""")
                        .params(s.roundId(), f.id(), at, at, at).update();
            }
            jdbc.sql("""
                    INSERT INTO facility_assessment_state (facility_id, has_draft, latest_round_id, latest_submitted_at, levels,
                                                           priorities, previous_levels, previous_priorities)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(f.id(), s.draft(), s.roundId(), s.submittedAt() == null ? null : Timestamp.from(s.submittedAt()),
                            s.levels(), s.priorities(), s.previousLevels(), s.previousPriorities()).update();
        }

        liquibase(ds, "classpath:db-changelog/db.changelog-master.xml", false);

        Map<Long, Map<String, Object>> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM member_state").query().listOfRows()
                .forEach(r -> rows.put(((Number) value(r, "facility_id")).longValue(), r));
        assertThat(rows).hasSize(facilities.size());
        for (OldFacility f : facilities) {
            Map<String, Object> row = rows.get(f.id());
            String what = "facility " + f.id() + " " + f.state();
            assertThat(value(row, "name")).as(what).isEqualTo(f.name());
            assertThat(value(row, "facility_kind")).as(what).isEqualTo(f.type());
            assertThat(value(row, "municipality")).as(what).isEqualTo(f.municipality());
            assertThat(bool(value(row, "consent_identified"))).as(what).isEqualTo(f.consent());
            OldState s = f.state() == null ? new OldState(false, null, null, null, null, null, null) : f.state();
            assertThat(bool(value(row, "has_draft"))).as(what).isEqualTo(s.draft());
            assertThat(value(row, "latest_round_id") == null ? null : ((Number) value(row, "latest_round_id")).longValue())
                    .as(what).isEqualTo(s.roundId());
            Object at = value(row, "latest_submitted_at");
            assertThat(at == null ? null : ((Timestamp) at).toInstant()).as(what).isEqualTo(s.submittedAt());
            assertThat(packed(value(row, "profile"))).as(what)
                    .isEqualTo(s.levels() == null ? null : RoleLevels.fromColumns(s.levels(), s.priorities()).packed());
            assertThat(packed(value(row, "previous_profile"))).as(what).isEqualTo(s.previousLevels() == null ? null
                    : RoleLevels.fromColumns(s.previousLevels(), s.previousPriorities()).packed());
            assertThat(bool(value(row, "previous_priorities_known"))).as(what)
                    .isEqualTo(s.previousLevels() == null || s.previousPriorities() != null);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_state WHERE profile IS NOT NULL").query(Integer.class).single())
                .as("the random rows exercised the packing").isGreaterThan(100);
        assertThat(tableExists(jdbc, "facility_assessment_state")).isFalse();
    }

    static List<OldFacility> oldRows(Random random) {
        List<OldFacility> result = new ArrayList<>();
        String[] types = {"CLINIC", "HOSPITAL", "ASSOCIATION"};
        long roundId = 1;
        for (int i = 1; i <= 300; i++) {
            OldState state = null;
            int kind = random.nextInt(5);
            if (kind == 1) {
                state = new OldState(true, null, null, null, null, null, null);
            } else if (kind >= 2) {
                String levels = levels(random);
                String priorities = flags(random, levels.length());
                String previous = kind >= 3 ? levels(random) : null;
                // before changeset 011 the previous submission's priorities were not kept
                String previousPriorities = previous == null || kind == 3 ? null : flags(random, previous.length());
                state = new OldState(random.nextInt(4) == 0, roundId++, Instant.parse("2026-04-01T01:02:03.456789Z")
                        .plusSeconds(i), levels, priorities, previous, previousPriorities);
            }
            String municipality = random.nextInt(8) == 0 ? null : "第" + random.nextInt(5) + "区";
            result.add(new OldFacility(i, "旧施設 " + i, types[random.nextInt(types.length)], municipality,
                    random.nextBoolean(), state));
        }
        return result;
    }

    /** 14 roles mostly; now and then a shorter row or a role without a level ('-'). */
    static String levels(Random random) {
        int length = random.nextInt(10) == 0 ? 1 + random.nextInt(13) : 14;
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < length; r++) {
            s.append(random.nextInt(12) == 0 ? '-' : (char) ('0' + random.nextInt(5)));
        }
        return s.toString();
    }

    static String flags(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < length; r++) {
            s.append(random.nextInt(4) == 0 ? '1' : '0');
        }
        return s.toString();
    }

    static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + row.keySet());
    }

    static Long packed(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    static boolean tableExists(JdbcClient jdbc, String table) {
        try {
            jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
            return true;
        } catch (org.springframework.jdbc.BadSqlGrammarException gone) {
            return false;
        }
    }

    static void liquibase(DataSource ds, String changeLog, boolean dropFirst) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(ds);
        liquibase.setChangeLog(changeLog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.setDropFirst(dropFirst);
        liquibase.afterPropertiesSet();
    }

    /** An empty database of this test's own: in-memory H2, or beside the MariaDB run's database. */
    static DataSource dataSource() {
        String profiles = System.getenv("SPRING_PROFILES_ACTIVE");
        if (profiles != null && profiles.contains("mariadb")) {
            String url = System.getenv("SPRING_DATASOURCE_URL");
            int slash = url.indexOf('/', url.indexOf("//") + 2);
            int query = url.indexOf('?', slash);
            String database = url.substring(slash + 1, query < 0 ? url.length() : query);
            String own = url.substring(0, slash + 1) + database + "_migration"
                    + (query < 0 ? "?createDatabaseIfNotExist=true" : url.substring(query));
            return new DriverManagerDataSource(own, System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv("SPRING_DATASOURCE_PASSWORD"));
        }
        return new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=MariaDB;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
