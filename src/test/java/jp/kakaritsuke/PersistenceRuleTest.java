package jp.kakaritsuke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mechanical parts of docs/design-decisions/0007 over the main sources: columns read by name, no array rows across
 * a method boundary, SQL only in the modules' {@code domain} packages. (Which tables a module's SQL may name is
 * ModularityTest's.) Each rule is checked against a planted violation too, so it can fail.
 */
class PersistenceRuleTest {

    private static final Path MAIN = Path.of("src/main/java/jp/kakaritsuke");

    /**
     * Files another stream of issue 14 rewrites (stream R: the rollup read model and round notices). The lead empties
     * this set when merging; the test then holds for every file.
     */
    private static final Set<String> BEING_REWRITTEN = Set.of("RollupRepository.java", "RoundNoticeRepository.java",
            "MemberAssessmentStates.java");

    /** {@code rs.getLong(1)}, {@code row.getObject(2, Long.class)}: a column by position. */
    static final Pattern COLUMN_BY_POSITION = Pattern.compile(
            "\\.get(?:String|Int|Long|Short|Byte|Boolean|Double|Float|BigDecimal|Date|Time|Timestamp|Object|Bytes)\\(\\s*\\d+\\s*[,)]");

    /** A query's rows as arrays in a signature: {@code List<Object[]>}, {@code Optional<String[]>}, … */
    static final Pattern ARRAY_ROWS = Pattern.compile("<\\s*(?:Object|String)\\[\\]\\s*>");

    /** What runs SQL: only repositories (a module's domain package) and base's infrastructure. */
    static final Pattern SQL_API = Pattern.compile(
            "\\b(?:JdbcClient|JdbcTemplate|NamedParameterJdbcTemplate|EntityManager)\\b");

    @Test
    void columnsAreReadByName() {
        assertThat(offending(COLUMN_BY_POSITION, path -> true)).isEmpty();
        assertThat(COLUMN_BY_POSITION.matcher("new Row(rs.getLong(1), rs.getObject(2, Long.class))").find()).isTrue();
        assertThat(COLUMN_BY_POSITION.matcher("new Row(rs.getLong(\"id\"), list.get(1))").find()).isFalse();
    }

    @Test
    void rowsAreRecordsNotArrays() {
        assertThat(offending(ARRAY_ROWS, path -> true)).isEmpty();
        assertThat(ARRAY_ROWS.matcher("List<Object[]> countByFacilityAndRole(").find()).isTrue();
        assertThat(ARRAY_ROWS.matcher("List<MemberRoleCount> countByFacilityAndRole(").find()).isFalse();
    }

    @Test
    void sqlLivesInRepositories() {
        assertThat(offending(SQL_API, path -> {
            String p = MAIN.relativize(path).toString().replace('\\', '/');
            return !p.matches("[a-z]+/domain/.*") && !p.startsWith("base/");
        })).isEmpty();
        assertThat(SQL_API.matcher("private final JdbcClient jdbc;").find()).isTrue();
    }

    private static List<String> offending(Pattern pattern, java.util.function.Predicate<Path> applies) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java") && applies.test(p))
                    .filter(p -> !BEING_REWRITTEN.contains(p.getFileName().toString()))
                    .forEach(p -> {
                        List<String> lines = read(p);
                        for (int i = 0; i < lines.size(); i++) {
                            Matcher m = pattern.matcher(lines.get(i));
                            if (m.find() && !lines.get(i).strip().startsWith("*") && !lines.get(i).strip().startsWith("//")) {
                                found.add(MAIN.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
