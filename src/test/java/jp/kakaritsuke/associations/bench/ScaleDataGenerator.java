package jp.kakaritsuke.associations.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import jp.kakaritsuke.facility.domain.Prefectures;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fills a MariaDB database with a synthetic nation for the rollup benchmark: a national association, 47 prefectural
 * and about 900 city associations, 100,000 facilities (members of their city association), two submitted rounds each
 * (14 role answers per round), about a third consenting. Not part of the tests; run with {@code ./.ci/bench scale-data}.
 * The database ({@code kkf_scale} by default) is dropped and built from the changelogs up to 027 (the schema before
 * issue 14), filled as the application before issue 14 kept it (the assessment's {@code facility_assessment_state}),
 * and then the remaining changelogs run: changeset 028 migrates the nation into associations' read model
 * ({@code member_state}), timed, as it would a production database.
 */
public final class ScaleDataGenerator {

    static final List<String> ROLES = List.of("CLINIC_CLINIC", "CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL", "MATERNAL_CHILD",
            "SCHOOL_HEALTH", "OCCUPATIONAL_HEALTH", "CARE_WELFARE", "OUT_OF_HOURS", "HOME_CARE", "END_OF_LIFE",
            "MULTIDISCIPLINARY", "EMERGENCY", "CAREER_SUPPORT", "OTHER");

    private ScaleDataGenerator() {
    }

    public static DataSource dataSource(String database) {
        return new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true",
                System.getProperty("db.user", "root"), System.getProperty("db.password", ""));
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "kkf_scale";
        int facilities = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        DataSource ds = dataSource(database);
        long start = System.nanoTime();
        liquibase(ds, "classpath:migration/before-member-state.xml", true);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Random random = new Random(47);
        Timestamp now = Timestamp.from(Instant.parse("2026-11-25T00:00:00Z"));
        Timestamp lastYear = Timestamp.from(Instant.parse("2025-11-25T00:00:00Z"));

        jdbc.update("INSERT INTO association (id, name, association_level, prefecture, parent_id, created_at, version) VALUES (1, '日本医師会 (合成)', 'NATIONAL', '東京都', NULL, ?, 0)", now);
        List<Object[]> associations = new ArrayList<>();
        List<long[]> cities = new ArrayList<>(); // [id, prefecture index]
        long id = 2;
        for (int p = 0; p < Prefectures.ALL.size(); p++) {
            long prefId = id++;
            associations.add(new Object[] {prefId, Prefectures.ALL.get(p) + "医師会 (合成)", "PREFECTURAL", Prefectures.ALL.get(p), 1L, now});
            int n = 8 + random.nextInt(24); // ~900 in all
            for (int c = 0; c < n; c++) {
                long cityId = id++;
                associations.add(new Object[] {cityId, "第" + (c + 1) + "市医師会 (合成)", "MUNICIPAL", Prefectures.ALL.get(p), prefId, now});
                cities.add(new long[] {cityId, p});
            }
        }
        jdbc.batchUpdate("INSERT INTO association (id, name, association_level, prefecture, parent_id, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)", associations);

        List<Object[]> facilityRows = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        // peers (issue 15): each facility's area and beds, kept in its row and, for those that consent, in peer_member
        Random peerRandom = new Random(15);
        String[] areas = new String[facilities + 1];
        int[] beds = new int[facilities + 1];
        for (int f = 1; f <= facilities; f++) {
            long[] city = cities.get(random.nextInt(cities.size()));
            String type = random.nextInt(10) < 8 ? "CLINIC" : "HOSPITAL";
            int a = peerRandom.nextInt(10);
            areas[f] = a < 4 ? "METROPOLITAN" : a < 8 ? "REGIONAL_CITY" : "RURAL";
            beds[f] = type.equals("HOSPITAL") ? (int) Math.min(1200, Math.round(20 * Math.exp(peerRandom.nextDouble() * 3.5)))
                    : peerRandom.nextInt(10) == 0 ? 1 + peerRandom.nextInt(19) : 0;
            facilityRows.add(new Object[] {f, "合成施設 " + f, type, Prefectures.ALL.get((int) city[1]),
                    "第" + (city[0] % 40 + 1) + "区", random.nextInt(3) == 0, now, areas[f], beds[f] == 0 ? null : beds[f]});
            memberships.add(new Object[] {city[0], f, now});
        }
        batch(jdbc, "INSERT INTO facility (id, name, facility_type, prefecture, municipality, consent_identified, created_at, area_type, beds_general, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", facilityRows);
        batch(jdbc, "INSERT INTO association_facility (association_id, facility_id, joined_at) VALUES (?, ?, ?)", memberships);

        List<Object[]> rounds = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        List<Object[]> states = new ArrayList<>();
        long[] profiles = new long[facilities + 1];
        long roundId = 1;
        long answerId = 1;
        for (int f = 1; f <= facilities; f++) {
            String previous = null;
            String previousPriorities = null;
            for (Timestamp when : new Timestamp[] {lastYear, now}) {
                Timestamp submitted = new Timestamp(when.getTime() + random.nextInt(86_400_000));
                rounds.add(new Object[] {roundId, f, submitted, submitted, submitted});
                StringBuilder levels = new StringBuilder();
                StringBuilder priorities = new StringBuilder();
                for (String role : ROLES) {
                    int level = random.nextInt(5);
                    boolean priority = random.nextInt(8) == 0;
                    answers.add(new Object[] {answerId++, roundId, role, level, priority});
                    levels.append((char) ('0' + level));
                    priorities.append(priority ? '1' : '0');
                }
                if (when == now) { // what the submit transaction maintains in the app
                    profiles[f] = packed(levels.toString(), priorities.toString());
                    states.add(new Object[] {f, roundId, submitted, levels.toString(), priorities.toString(), previous, previousPriorities});
                }
                previous = levels.toString();
                previousPriorities = priorities.toString();
                roundId++;
            }
            if (answers.size() >= 50_000) {
                batch(jdbc, "INSERT INTO assessment_round (id, facility_id, questionnaire_version, status, started_at, started_by, updated_at, updated_by, submitted_at, submitted_by, version) VALUES (?, ?, 1, 'SUBMITTED', ?, 'generator', ?, 'generator', ?, 'generator', 0)", rounds);
                batch(jdbc, "INSERT INTO role_answer (id, round_id, role_code, level, priority, version) VALUES (?, ?, ?, ?, ?, 0)", answers);
                rounds.clear();
                answers.clear();
            }
        }
        batch(jdbc, "INSERT INTO assessment_round (id, facility_id, questionnaire_version, status, started_at, started_by, updated_at, updated_by, submitted_at, submitted_by, version) VALUES (?, ?, 1, 'SUBMITTED', ?, 'generator', ?, 'generator', ?, 'generator', 0)", rounds);
        batch(jdbc, "INSERT INTO role_answer (id, round_id, role_code, level, priority, version) VALUES (?, ?, ?, ?, ?, 0)", answers);
        batch(jdbc, "INSERT INTO facility_assessment_state (facility_id, has_draft, latest_round_id, latest_submitted_at, levels, priorities, previous_levels, previous_priorities) VALUES (?, FALSE, ?, ?, ?, ?, ?, ?)", states);
        System.out.printf("%s: %d associations, %d facilities, %d rounds, %d role answers in %.1f s%n", database,
                associations.size() + 1, facilities, roundId - 1, answerId - 1, (System.nanoTime() - start) / 1e9);
        long migration = System.nanoTime();
        liquibase(ds, "classpath:db-changelog/db.changelog-master.xml", false);
        System.out.printf("changelogs 028 and later (member_state: %d rows) in %.1f s%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM member_state", Integer.class), (System.nanoTime() - migration) / 1e9);
        peers(jdbc, facilityRows, areas, beds, profiles, now, peerRandom);
        jdbc.execute("ANALYZE TABLE association, association_facility, facility, assessment_round, role_answer, member_state, peer_member");
    }

    /**
     * peer_member as the application keeps it: a row per facility that submitted (this year's round), about 60%
     * consenting; kind, prefecture, area and beds as in the facility's row; designations that fit the kind; each
     * change numbered, and peer_change at the last number.
     */
    private static void peers(JdbcTemplate jdbc, List<Object[]> facilityRows, String[] areas, int[] beds, long[] profiles,
                              Timestamp now, Random random) {
        long start = System.nanoTime();
        List<Object[]> rows = new ArrayList<>();
        long change = 0;
        int consenting = 0;
        for (Object[] f : facilityRows) {
            int id = ((Number) f[0]).intValue();
            boolean hospital = f[2].equals("HOSPITAL");
            List<String> designations = new ArrayList<>();
            if (hospital) {
                if (random.nextInt(5) == 0) designations.add("HOME_CARE_SUPPORT_HOSPITAL");
                if (random.nextInt(4) == 0) designations.add("COMMUNITY_CARE_WARD");
                if (beds[id] >= 200 && random.nextInt(3) == 0) designations.add("REGIONAL_MEDICAL_SUPPORT_HOSPITAL");
            } else {
                if (random.nextInt(6) == 0) designations.add(random.nextInt(3) == 0 ? "HOME_CARE_SUPPORT_CLINIC_ENHANCED" : "HOME_CARE_SUPPORT_CLINIC");
                if (random.nextInt(4) == 0) designations.add("PRIMARY_CARE_FUNCTION_ENHANCEMENT");
            }
            boolean consents = random.nextInt(10) < 6;
            consenting += consents ? 1 : 0;
            rows.add(new Object[] {id, consents, consents ? now : null, consents ? "generator" : null, 2L * id, now, f[2], beds[id],
                    areas[id], f[3], String.join(",", designations.stream().sorted().toList()), profiles[id], ++change});
        }
        batch(jdbc, "INSERT INTO peer_member (facility_id, consenting, consent_changed_at, consent_changed_by, latest_round_id, submitted_at, facility_kind, beds_total, area_type, prefecture, designations, profile, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("UPDATE peer_change SET change_seq = ? WHERE id = 1", change);
        System.out.printf("peer_member: %d rows, %d consenting, in %.1f s%n", rows.size(), consenting,
                (System.nanoTime() - start) / 1e9);
    }

    /** RoleLevels.packed() of the generator's level and priority strings (roles in ROLES order). */
    static long packed(String levels, String priorities) {
        jp.kakaritsuke.caselibrary.domain.RoleLevels result = jp.kakaritsuke.caselibrary.domain.RoleLevels.EMPTY;
        for (int r = 0; r < ROLES.size(); r++) {
            jp.kakaritsuke.caselibrary.domain.RoleCode role = jp.kakaritsuke.caselibrary.domain.RoleCode.valueOf(ROLES.get(r));
            result = result.withLevel(role, levels.charAt(r) - '0').withPriority(role, priorities.charAt(r) == '1');
        }
        return result.packed();
    }

    private static void liquibase(DataSource ds, String changeLog, boolean dropFirst) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(ds);
        liquibase.setChangeLog(changeLog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.setDropFirst(dropFirst);
        liquibase.afterPropertiesSet();
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += 10_000) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 10_000)));
        }
    }
}
