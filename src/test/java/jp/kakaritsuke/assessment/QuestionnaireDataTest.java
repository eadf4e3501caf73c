package jp.kakaritsuke.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.QuestionnaireStep;
import jp.kakaritsuke.assessment.domain.ScoringRule;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Questionnaire versions 1 and 2 as loaded by Liquibase: complete, traceable to the seed, mapped to the yearly report. */
@SpringBootTest
class QuestionnaireDataTest {

    @Autowired
    QuestionnaireService questionnaires;

    @Autowired
    CaseLibraryService caseLibrary;

    @Test
    void versionOneCoversTheFourteenRolesInSixStepsWithFiveAnchorsEach() {
        Questionnaire q = questionnaires.version(1);
        assertThat(q.version()).isEqualTo(1);
        assertThat(q.scoringRule()).isEqualTo(ScoringRule.LEVEL_AND_ALL_INDICATORS);
        assertThat(q.roles()).flatExtracting(RoleQuestion::indicators).allSatisfy(i -> assertThat(i.extraChoices()).isEmpty());
        assertThat(q.steps()).hasSize(6);
        assertThat(q.steps().getFirst().isBasics()).isTrue();
        assertThat(q.roles()).extracting(RoleQuestion::roleCode)
                .containsExactlyElementsOf(caseLibrary.library().roles().stream().map(r -> r.code()).toList());
        for (RoleQuestion r : q.roles()) {
            assertThat(r.levelsJa()).hasSize(5).allSatisfy(a -> assertThat(a).isNotBlank());
            assertThat(r.levelsEn()).hasSize(5).allSatisfy(a -> assertThat(a).isNotBlank());
            assertThat(r.indicators()).as(r.roleCode()).hasSizeBetween(3, 6);
        }
        assertThat(q.steps().stream().mapToInt(s -> s.roleCodes().size()).sum()).isEqualTo(14);
    }

    @Test
    void versionTwoIsCurrentAndAsksTheSameRolesAndIndicatorsOnTwoStepsWithoutBasics() {
        Questionnaire v1 = questionnaires.version(1);
        Questionnaire q = questionnaires.current();
        assertThat(q.version()).isEqualTo(2);
        assertThat(q.scoringRule()).isEqualTo(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS);
        assertThat(q.steps()).extracting(QuestionnaireStep::code).containsExactly("ROLES_1", "ROLES_2");
        assertThat(q.steps()).noneMatch(QuestionnaireStep::isBasics);
        List<String> roleOrder = caseLibrary.library().roles().stream().map(r -> r.code()).toList();
        assertThat(q.steps().get(0).roleCodes()).containsExactlyElementsOf(roleOrder.subList(0, 7));
        assertThat(q.steps().get(1).roleCodes()).containsExactlyElementsOf(roleOrder.subList(7, 14));
        for (RoleQuestion r : q.roles()) {
            RoleQuestion old = v1.role(r.roleCode()).orElseThrow();
            assertThat(r.levelsJa()).isEqualTo(old.levelsJa());
            assertThat(r.helpJa()).isEqualTo(old.helpJa());
            assertThat(r.indicators()).extracting(Indicator::code).isEqualTo(old.indicators().stream().map(Indicator::code).toList());
            for (Indicator i : r.indicators()) {
                Indicator o = v1.indicator(i.code()).orElseThrow();
                assertThat(i.labelJa()).as(i.code()).isEqualTo(o.labelJa());
                assertThat(i.type()).as(i.code()).isEqualTo(o.type());
                assertThat(i.min()).isEqualTo(o.min());
                assertThat(i.max()).isEqualTo(o.max());
            }
        }
    }

    @Test
    void versionTwoOffersUnknownAndNotApplicableOnlyOnChoiceIndicatorsWhereDocumented() throws Exception {
        Questionnaire q = questionnaires.current();
        assertThat(q.indicator("HOSPITAL_HOSPITAL.joint_training").orElseThrow().choices())
                .containsExactly(Choice.YES, Choice.NO, Choice.NOT_APPLICABLE);
        assertThat(q.indicator("EMERGENCY.ems_sharing").orElseThrow().choices())
                .containsExactly(Choice.YES, Choice.NO, Choice.UNKNOWN);
        assertThat(q.indicator("CLINIC_HOSPITAL.open_beds").orElseThrow().choices()).contains(Choice.NOT_APPLICABLE);
        assertThat(q.indicator("CLINIC_CLINIC.case_conferences").orElseThrow().choices()).containsExactly(Choice.YES, Choice.NO);
        assertThat(q.indicator("HOME_CARE.visit_patients").orElseThrow().choices()).isEmpty();
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/questionnaire.md"));
        for (RoleQuestion r : q.roles()) {
            for (Indicator i : r.indicators()) {
                if (!i.extraChoices().isEmpty()) {
                    assertThat(i.type()).as(i.code()).isNotEqualTo(AnswerType.NUMBER);
                    assertThat(doc).as("docs/questionnaire.md lists %s", i.code()).contains("`" + i.code() + "`");
                }
            }
        }
    }

    @Test
    void everyIndicatorPointsToAPublishedPracticeAndHasASensibleRange() {
        CaseLibrary library = caseLibrary.library();
        for (RoleQuestion r : questionnaires.current().roles()) {
            for (Indicator i : r.indicators()) {
                assertThat(i.sourceCase()).as(i.code()).isNotNull();
                assertThat(library.caseStudy(i.sourceCase()).orElseThrow().practices())
                        .as("%s cites 事例%s %s", i.code(), i.sourceCase(), i.sourcePractice())
                        .anyMatch(p -> p.number() == i.sourcePractice());
                if (i.type() == AnswerType.NUMBER) {
                    assertThat(i.min()).isNotNull();
                    assertThat(i.fullCredit()).isGreaterThan(i.min()).isLessThanOrEqualTo(i.max());
                    assertThat(i.unitJa()).isNotBlank();
                }
                if (i.type() == AnswerType.REPORT_SCALE) {
                    assertThat(i.reportItemCode()).as(i.code()).startsWith("NO2_");
                }
            }
        }
    }

    @Test
    void theReportsMainSecondaryFunctionsAreMapped() {
        assertThat(questionnaires.current().roles().stream().flatMap(r -> r.indicators().stream())
                .filter(i -> i.type() == AnswerType.REPORT_SCALE).map(Indicator::reportItemCode))
                .contains("NO2_OUT_OF_HOURS", "NO2_DISCHARGE_SUPPORT", "NO2_HOME_CARE", "NO2_CARE_COOPERATION");
    }

    @Test
    void helpTextQuotesTheSeedVerbatim() throws Exception {
        String seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/jirei-2022.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Pattern quote = Pattern.compile("「([^」]{8,})」");
        int quotes = 0;
        for (RoleQuestion r : questionnaires.current().roles()) {
            Matcher m = quote.matcher(r.helpJa());
            boolean any = false;
            while (m.find()) {
                assertThat(seed).as("%s quotes the seed", r.roleCode()).contains(m.group(1));
                any = true;
                quotes++;
            }
            assertThat(any).as("%s help quotes the seed", r.roleCode()).isTrue();
        }
        assertThat(quotes).isGreaterThanOrEqualTo(14);
    }
}
