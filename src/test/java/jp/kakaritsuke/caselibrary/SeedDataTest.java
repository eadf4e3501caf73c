package jp.kakaritsuke.caselibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.kakaritsuke.caselibrary.domain.CaseKind;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.domain.Role;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleMark;
import jp.kakaritsuke.caselibrary.domain.SurveyAnswer;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The loaded case library (Liquibase → database → repository) against an independent reading of the seed text.
 * Runs on H2 and, in the second surefire run, on MariaDB.
 */
@SpringBootTest
class SeedDataTest {

    static SeedText seed;

    @Autowired
    CaseLibraryService service;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void readSeed() throws Exception {
        seed = SeedText.load();
    }

    private CaseLibrary library() {
        return service.library();
    }

    @Test
    void fourteenRolesInTheSeedsOrderWithTheirGroups() {
        List<Role> roles = library().roles();
        assertThat(roles).extracting(r -> r.code().name()).containsExactlyElementsOf(SeedText.ROLE_CODES);
        assertThat(roles).extracting(Role::nameJa).containsExactly("診診連携", "病診連携", "病病連携", "母子保健", "学校保健",
                "産業保健", "介護・福祉との連携", "休日夜間・24時間対応", "在宅医療", "看取り", "多職種連携", "有事対応",
                "医師のキャリア支援", "その他");
        assertThat(roles.subList(0, 3)).allMatch(r -> "MEDICAL_COOPERATION".equals(r.groupCode()));
        assertThat(roles.subList(3, 6)).allMatch(r -> "HEALTH".equals(r.groupCode()));
        assertThat(roles.subList(6, 14)).allMatch(r -> r.groupCode() == null);
    }

    @Test
    void nineteenCasesAndSixReferenceCasesNamedAsInTheTableOfContents() {
        List<CaseStudy> cases = library().cases();
        assertThat(cases).hasSize(25);
        assertThat(cases.stream().filter(c -> c.kind() == CaseKind.CASE)).hasSize(19);
        Map<String, String> toc = seed.tableOfContents();
        assertThat(toc).hasSize(25);
        Map<String, String> loaded = new LinkedHashMap<>();
        cases.forEach(c -> loaded.put(c.number(), c.name()));
        assertThat(loaded).containsExactlyEntriesOf(toc);
        assertThat(cases.subList(0, 9)).allMatch(c -> c.category().name().equals("CLINIC"));
        assertThat(cases.subList(9, 15)).allMatch(c -> c.category().name().equals("HOSPITAL"));
        assertThat(cases.subList(15, 19)).allMatch(c -> c.category().name().equals("REGIONAL"));
    }

    @Test
    void everyMarkOfTheSeedsMatrixAndNothingElse() {
        Map<String, Set<String>> expected = seed.matrix();
        assertThat(expected).hasSize(19);
        assertThat(expected.values().stream().mapToInt(Set::size).sum())
                .as("● marks in the seed's table").isEqualTo(92);
        Map<String, Set<String>> loaded = new LinkedHashMap<>();
        for (CaseStudy c : library().cases()) {
            if (c.kind() == CaseKind.CASE) {
                loaded.put(c.number(), new TreeSet<>(c.markedRoles().stream().map(RoleCode::name).toList()));
                assertThat(c.derivedRoles()).as("case %s has no derived marks", c.number()).isEmpty();
            } else {
                assertThat(c.markedRoles()).as("reference case %s: the seed gives no ●", c.number()).isEmpty();
                assertThat(c.derivedRoles()).as("reference case %s carries derived tags", c.number()).isNotEmpty();
            }
        }
        assertThat(loaded).isEqualTo(expected);
        // Straight from the table, not through the repository.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_role WHERE derived = FALSE").query(Integer.class).single()).isEqualTo(92);
    }

    @Test
    void everyPracticeTitleOfEveryCase() {
        Map<String, List<String>> expected = seed.practiceTitles();
        Map<String, List<String>> loaded = new LinkedHashMap<>();
        for (CaseStudy c : library().cases()) {
            loaded.put(c.number(), c.practices().stream().map(Practice::title).toList());
            assertThat(c.practices()).extracting(Practice::number)
                    .as("practices of %s are numbered ①②③… without gaps", c.number())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, c.practices().size()).boxed().toList());
        }
        assertThat(loaded).isEqualTo(expected);
        int inCases = library().cases().stream().filter(c -> c.kind() == CaseKind.CASE).mapToInt(c -> c.practices().size()).sum();
        assertThat(inCases).isEqualTo(61);
        assertThat(library().practices()).hasSize(79);
    }

    @Test
    void practicesCarryDerivedRolesAndTheirFullText() {
        for (Practice p : library().practices()) {
            assertThat(p.roleCodes()).as("%s serves at least one role", p.source().shortJa()).isNotEmpty();
            assertThat(p.rolesDerived()).isTrue();
            assertThat(p.body()).as("%s has its text", p.source().shortJa()).hasSizeGreaterThan(50);
        }
        // Spot checks of the text itself (case 17 ①: the 主治医・副主治医制 of the Kashiwa model).
        Practice kashiwa = library().caseStudy("17").orElseThrow().practices().getFirst();
        assertThat(kashiwa.body()).contains("副主治医");
        assertThat(kashiwa.roleCodes()).contains(RoleCode.CLINIC_CLINIC, RoleCode.HOME_CARE);
    }

    @Test
    void surveyHasFourQuestionsAndEveryAnswerWithItsRespondent() {
        Map<Integer, List<String>> expected = seed.surveyRespondents();
        assertThat(expected.values()).extracting(List::size).containsExactly(27, 11, 42, 37);
        Map<Integer, List<String>> loaded = new LinkedHashMap<>();
        library().survey().forEach(q -> loaded.put(q.number(), q.answers().stream().map(SurveyAnswer::respondent).toList()));
        assertThat(loaded).isEqualTo(expected);
        List<SurveyAnswer> all = new ArrayList<>();
        library().survey().forEach(q -> all.addAll(q.answers()));
        assertThat(all).hasSize(117);
        assertThat(all).allSatisfy(a -> assertThat(a.text()).isNotBlank().doesNotContain("<p>", "<li>", "<ul>"));
        assertThat(all).filteredOn(a -> a.respondent().equals("さいたま市"))
                .allMatch(a -> a.prefecture().equals("埼玉県") && a.respondentType().name().equals("CITY"));
    }

    @Test
    void japaneseTextSurvivesTheDatabaseRoundTrip() {
        // 4-byte and rare characters would break on a utf8 (3-byte) MariaDB table; compare with the seed.
        CaseStudy c = library().caseStudy("16").orElseThrow();
        assertThat(seed.lines).anyMatch(l -> l.contains(c.practices().get(1).title()));
        assertThat(c.regionFeatures()).isNotEmpty();
        assertThat(library().caseStudy("10").orElseThrow().beds().total()).isEqualTo(178);
        assertThat(library().caseStudy("10").orElseThrow().beds().longTerm()).isEqualTo(48);
    }

    @Test
    void roleMarksAreInTheRolesOrder() {
        List<String> order = SeedText.ROLE_CODES;
        for (CaseStudy c : library().cases()) {
            List<Integer> positions = c.roleMarks().stream().map(RoleMark::roleCode).map(order::indexOf).toList();
            assertThat(positions).isSorted();
        }
    }
}
