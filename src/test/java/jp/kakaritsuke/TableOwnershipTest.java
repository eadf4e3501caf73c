package jp.kakaritsuke;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module's SQL names another module's tables: a module reads another's data through its service, or keeps a read
 * model of its own (decision 0008). Every table the changelogs create has one owning module (by changelog, with a few
 * tables named explicitly); the SQL in each module's sources (string literals and text blocks with a statement
 * keyword: the tables after FROM, JOIN, INTO, UPDATE, including FROM lists), its JPA entities' tables and
 * relationships, and its Spring Data repositories' entity types may name only the module's own tables.
 */
class TableOwnershipTest {

    static final Path CHANGELOGS = Path.of("db-changelog/changelogs");
    static final Path SOURCES = Path.of("src/main/java/jp/kakaritsuke");

    /** Who owns the tables a changelog creates. */
    static final Map<String, String> CHANGELOG_OWNERS = Map.ofEntries(
            Map.entry("001-case-library-schema.xml", "caselibrary"),
            Map.entry("003-identity.xml", "identity"),
            Map.entry("004-facilities.xml", "facility"),
            Map.entry("005-questionnaire.xml", "assessment"),
            Map.entry("006-assessment.xml", "assessment"),
            Map.entry("008-associations.xml", "associations"),
            Map.entry("010-association-rounds.xml", "associations"),
            Map.entry("012-association-invitations.xml", "associations"),
            Map.entry("015-login-protection.xml", "identity"),
            Map.entry("016-audit.xml", "audit"),
            Map.entry("019-action-plan.xml", "actionplan"),
            Map.entry("020-report-edition.xml", "functionreport"),
            Map.entry("021-report-preparation.xml", "functionreport"),
            Map.entry("023-mail.xml", "mail"),
            Map.entry("024-accounts.xml", "identity"),
            Map.entry("027-round-notices.xml", "associations"),
            Map.entry("028-member-state.xml", "associations"),
            Map.entry("032-peers.xml", "peers"),
            Map.entry("033-member-change.xml", "associations"));

    /** Tables whose owner is not their changelog's. */
    static final Map<String, String> TABLE_OWNERS = Map.of(
            // the rollups' compact state per facility: associations' read model, written through MemberAssessmentFeed
            "facility_assessment_state", "associations",
            // ShedLock's lock table, for base.SchedulingConfiguration (every module's once-across-nodes jobs)
            "shedlock", "base",
            // the generations every node checks (base.ClusterSync), for any module's shared snapshot
            "cluster_sync", "base",
            // failed logins of unknown user names, counted across nodes (identity.service.LoginThrottle)
            "login_name_failure", "identity");

    @Test
    void noModuleNamesAnotherModulesTables() {
        assertThat(crossModuleUses()).as("module → another module's table, where").isEmpty();
    }

    @Test
    void everyTableHasAnOwner() {
        owners(); // throws naming the changelog and table
    }

    /** The scanner on planted SQL: it must find exactly the other module's tables. */
    @Test
    void theScannerFindsTablesAfterFromJoinIntoAndUpdate() {
        String source = """
                class X {
                    // SELECT * FROM comment_table is a comment
                    String a = "SELECT f.name, s.levels FROM facility f JOIN facility_assessment_state s ON s.facility_id = f.id";
                    String b = \"""
                            SELECT count(*) FROM association a, association_user u, app_user x WHERE u.user_id = x.id
                            \""";
                    String c = "INSERT INTO audit_event (action) VALUES (?) "
                            + "ON DUPLICATE KEY UPDATE action = ?";
                    String d = "not sql: from facility to facility";
                    String e = "UPDATE role_answer SET level = 1 WHERE id IN (SELECT id FROM role)";
                }
                """;
        Map<String, String> owners = Map.of("facility", "facility", "facility_assessment_state", "associations",
                "association", "associations", "association_user", "associations", "app_user", "identity",
                "audit_event", "audit", "role_answer", "assessment", "role", "caselibrary");
        assertThat(tablesIn(source, owners.keySet())).containsExactly("facility", "facility_assessment_state", "association",
                "association_user", "app_user", "audit_event", "role_answer", "role");
    }

    /** "module → table (owner) in file" for every use of a table outside its owner. */
    static Set<String> crossModuleUses() {
        Map<String, String> owners = owners();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class
                }
                String module = relative.getName(0).toString();
                for (String table : tablesIn(Files.readString(file), owners.keySet())) {
                    if (!owners.get(table).equals(module)) {
                        found.add(module + " → " + table + " (" + owners.get(table) + ") in " + relative);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JavaClass c : ModularityTest.CLASSES) {
            String module = module(c.getName());
            c.tryGetAnnotationOfType(jakarta.persistence.Table.class).ifPresent(t -> {
                String owner = owners.get(t.name().toLowerCase(Locale.ROOT));
                if (owner != null && !owner.equals(module)) {
                    found.add(module + " → " + t.name() + " (" + owner + ") mapped by " + c.getSimpleName());
                }
            });
            if (c.isAnnotatedWith(jakarta.persistence.Entity.class)) {
                for (JavaField f : c.getFields()) {
                    for (JavaClass type : f.getType().getAllInvolvedRawTypes()) {
                        if (type.isAnnotatedWith(jakarta.persistence.Entity.class) && !module(type.getName()).equals(module)) {
                            found.add(module + " → entity " + type.getSimpleName() + " (" + module(type.getName()) + ") joined by "
                                    + c.getSimpleName() + "." + f.getName());
                        }
                    }
                }
            }
            if (c.isInterface() && c.isAssignableTo("org.springframework.data.repository.Repository")) {
                for (Type t : c.reflect().getGenericInterfaces()) {
                    if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> entity
                            && !module(entity.getName()).equals(module)) {
                        found.add(module + " → entity " + entity.getSimpleName() + " (" + module(entity.getName())
                                + ") through " + c.getSimpleName());
                    }
                }
            }
        }
        return found;
    }

    static String module(String className) {
        if (!className.startsWith("jp.kakaritsuke.")) {
            return "";
        }
        String rest = className.substring("jp.kakaritsuke.".length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : "";
    }

    /** Table → owning module, for every table the changelogs create (or rename to). */
    static Map<String, String> owners() {
        Pattern create = Pattern.compile("<createTable\\b[^>]*\\btableName=\"([^\"]+)\"|<renameTable\\b[^>]*\\bnewTableName=\"([^\"]+)\""
                + "|(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?`?(\\w+)");
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.list(CHANGELOGS)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    String table = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)).toLowerCase(Locale.ROOT);
                    String owner = TABLE_OWNERS.getOrDefault(table, CHANGELOG_OWNERS.get(file.getFileName().toString()));
                    if (owner == null) {
                        throw new AssertionError(file.getFileName() + " creates table " + table
                                + ": add its owning module to TableOwnershipTest.CHANGELOG_OWNERS (or TABLE_OWNERS)");
                    }
                    owners.put(table, owner);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(select|insert|update|delete|merge)\\b");
    private static final Pattern TOKEN = Pattern.compile("`?([A-Za-z_][A-Za-z0-9_]*)`?|(\\()|(,)|(\\S)");
    private static final Set<String> AFTER_TABLE_STOP = Set.of("where", "join", "inner", "left", "right", "cross", "full",
            "on", "group", "order", "limit", "union", "set", "values", "having", "for", "natural", "straight_join", "using");

    /** The known tables a source's SQL literals name after FROM (and its comma list), JOIN, INTO, UPDATE. */
    static List<String> tablesIn(String source, Set<String> tables) {
        List<String> found = new ArrayList<>();
        for (String sql : sqlLiterals(source)) {
            if (!STATEMENT.matcher(sql).find()) {
                continue;
            }
            List<String> tokens = new ArrayList<>();
            Matcher t = TOKEN.matcher(sql);
            while (t.find()) {
                tokens.add(t.group(1) != null ? t.group(1).toLowerCase(Locale.ROOT) : t.group());
            }
            for (int i = 0; i < tokens.size() - 1; i++) {
                String k = tokens.get(i);
                boolean keyUpdate = k.equals("update") && i > 0 && tokens.get(i - 1).equals("key");
                if (!(k.equals("from") || k.equals("join") || k.equals("into") || (k.equals("update") && !keyUpdate))) {
                    continue;
                }
                int j = i + 1;
                while (j < tokens.size()) {
                    String table = tokens.get(j);
                    if (tables.contains(table)) {
                        found.add(table);
                    }
                    if (!k.equals("from")) {
                        break;
                    }
                    // a FROM list: table [AS] [alias] , table …
                    j++;
                    if (j < tokens.size() && tokens.get(j).equals("as")) {
                        j++;
                    }
                    if (j < tokens.size() && tokens.get(j).matches("[a-z_][a-z0-9_]*") && !AFTER_TABLE_STOP.contains(tokens.get(j))) {
                        j++;
                    }
                    if (j < tokens.size() && tokens.get(j).equals(",")) {
                        j++;
                    } else {
                        break;
                    }
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /** The source's string literals and text blocks (comments skipped), a concatenation ("a" + "b") as one. */
    static List<String> sqlLiterals(String src) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = null;
        int lastEnd = -1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = src.indexOf('\n', i) < 0 ? src.length() : src.indexOf('\n', i);
            } else if (src.startsWith("/*", i)) {
                i = src.indexOf("*/", i + 2) < 0 ? src.length() : src.indexOf("*/", i + 2) + 2;
            } else if (c == '\'') {
                i = skipQuoted(src, i, '\'');
            } else if (c == '"') {
                boolean block = src.startsWith("\"\"\"", i);
                int start = block ? i + 3 : i + 1;
                int end = block ? src.indexOf("\"\"\"", start) : skipQuoted(src, i, '"') - 1;
                if (end < 0) {
                    end = src.length();
                }
                String text = src.substring(start, end);
                boolean joined = current != null && src.substring(lastEnd, i).replaceAll("\\s", "").equals("+");
                if (joined) {
                    current.append(text);
                } else {
                    if (current != null) {
                        literals.add(current.toString());
                    }
                    current = new StringBuilder(text);
                }
                i = block ? end + 3 : end + 1;
                lastEnd = i;
            } else {
                i++;
            }
        }
        if (current != null) {
            literals.add(current.toString());
        }
        return literals;
    }

    private static int skipQuoted(String src, int open, char quote) {
        int i = open + 1;
        while (i < src.length() && src.charAt(i) != quote) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, src.length());
    }
}
