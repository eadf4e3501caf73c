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
import jp.kakaritsuke.assessment.domain.IndicatorPeriod;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Questionnaire versions 1, 2 and 3 as loaded by Liquibase: complete, traceable to the seed or to a stated rule, and
 * (version 3) claiming the yearly report's item only where it asks that very item.
 */
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
            assertThat(r.indicators()).as(r.roleCode().name()).hasSizeBetween(3, 6);
        }
        assertThat(q.steps().stream().mapToInt(s -> s.roleCodes().size()).sum()).isEqualTo(14);
    }

    @Test
    void versionTwoStillLoadsAndAsksTheSameRolesAndIndicatorsAsVersionOneOnTwoStepsWithoutBasics() {
        Questionnaire v1 = questionnaires.version(1);
        Questionnaire q = questionnaires.version(2);
        assertThat(q.version()).isEqualTo(2);
        assertThat(q.scoringRule()).isEqualTo(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS);
        assertThat(q.steps()).extracting(QuestionnaireStep::code).containsExactly("ROLES_1", "ROLES_2");
        assertThat(q.steps()).noneMatch(QuestionnaireStep::isBasics);
        List<RoleCode> roleOrder = caseLibrary.library().roles().stream().map(r -> r.code()).toList();
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
        Questionnaire q = questionnaires.version(2);
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
    void everyIndicatorPointsToAPublishedPracticeOrAStatedRuleAndHasASensibleRange() {
        CaseLibrary library = caseLibrary.library();
        for (int version : List.of(2, 3)) {
            for (Indicator i : indicators(questionnaires.version(version))) {
                if (version == 2) {
                    assertThat(i.sourceCase()).as(i.code()).isNotNull();
                }
                if (i.sourceCase() == null) {
                    // version 3's indicators from the 2024 rules rest on the rule, named
                    assertThat(i.basisJa()).as(i.code()).isNotBlank();
                    assertThat(i.basisEn()).as(i.code()).isNotBlank();
                } else {
                    assertThat(library.caseStudy(i.sourceCase()).orElseThrow().practices())
                            .as("%s cites 事例%s %s", i.code(), i.sourceCase(), i.sourcePractice())
                            .anyMatch(p -> p.number() == i.sourcePractice());
                }
                if (i.type() == AnswerType.NUMBER) {
                    assertThat(i.min()).isNotNull();
                    assertThat(i.fullCredit()).isGreaterThan(i.min()).isLessThanOrEqualTo(i.max());
                    assertThat(i.unitJa()).isNotBlank();
                }
                if (i.type() == AnswerType.REPORT_SCALE) {
                    assertThat(i.reportItemCode()).as(i.code()).startsWith("NO2");
                }
            }
        }
    }

    static List<Indicator> indicators(Questionnaire q) {
        return q.roles().stream().flatMap(r -> r.indicators().stream()).toList();
    }

    @Test
    void versionTwoKeepsItsRowsAsTheyWereWrongMappingIncluded() {
        // what version 2 claimed stays readable as it was answered (docs/questionnaire.md §5 says why it was wrong)
        assertThat(questionnaires.version(2).roles().stream().flatMap(r -> r.indicators().stream())
                .filter(i -> i.type() == AnswerType.REPORT_SCALE).map(Indicator::reportItemCode))
                .contains("NO2_OUT_OF_HOURS", "NO2_DISCHARGE_SUPPORT", "NO2_HOME_CARE", "NO2_CARE_COOPERATION");
        assertThat(questionnaires.version(2).indicator("OCCUPATIONAL_HEALTH.stress_check")).isPresent();
    }

    @Test
    void versionThreeIsCurrentWithVersionTwosStepsRolesHelpAndAnchorsSoScoresStayComparable() {
        Questionnaire v2 = questionnaires.version(2);
        Questionnaire q = questionnaires.current();
        assertThat(q.version()).isEqualTo(3);
        assertThat(q.scoringRule()).isEqualTo(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS);
        assertThat(q.steps()).extracting(QuestionnaireStep::code).containsExactly("ROLES_1", "ROLES_2");
        assertThat(q.steps()).extracting(QuestionnaireStep::roleCodes).isEqualTo(v2.steps().stream().map(QuestionnaireStep::roleCodes).toList());
        // the same roles in the same order: the association rollups encode levels in this order
        assertThat(q.roles()).extracting(RoleQuestion::roleCode).isEqualTo(v2.roles().stream().map(RoleQuestion::roleCode).toList());
        for (RoleQuestion r : q.roles()) {
            RoleQuestion old = v2.role(r.roleCode()).orElseThrow();
            assertThat(r.levelsJa()).isEqualTo(old.levelsJa());
            assertThat(r.levelsEn()).isEqualTo(old.levelsEn());
            assertThat(r.helpJa()).isEqualTo(old.helpJa());
            assertThat(r.stepNumber()).isEqualTo(old.stepNumber());
            assertThat(r.indicators()).as(r.roleCode().name()).hasSizeBetween(3, 7);
        }
    }

    /** The codes whose meaning changed (docs/questionnaire.md §10): gone from version 3, replaced by new codes. */
    static final List<String> RETIRED = List.of("CLINIC_HOSPITAL.discharge_support", "SCHOOL_HEALTH.school_doctor",
            "OCCUPATIONAL_HEALTH.company_doctor", "OCCUPATIONAL_HEALTH.checkups_vaccination",
            "OCCUPATIONAL_HEALTH.stress_check", "CARE_WELFARE.care_cooperation", "OUT_OF_HOURS.after_hours_care",
            "HOME_CARE.home_care", "EMERGENCY.fever_clinic", "CAREER_SUPPORT.education");
    static final List<String> ADDED = List.of("CLINIC_HOSPITAL.discharge_info", "SCHOOL_HEALTH.school_doctor_role",
            "OCCUPATIONAL_HEALTH.company_doctor_role", "OCCUPATIONAL_HEALTH.workplace_health_guidance",
            "CARE_WELFARE.opinion_letter", "CARE_WELFARE.care_home_partner", "OUT_OF_HOURS.rota",
            "OUT_OF_HOURS.out_of_hours_fee", "OUT_OF_HOURS.member_duty_shifts", "HOME_CARE.home_visits",
            "EMERGENCY.measures_agreement", "EMERGENCY.association_coordination", "CAREER_SUPPORT.teaching",
            "OTHER.checkups_vaccination");

    @Test
    void versionThreeRetiresTheCodesWhoseMeaningChangedAndKeepsTheOthersWithTheirQuestion() {
        Questionnaire v2 = questionnaires.version(2);
        Questionnaire q = questionnaires.current();
        RETIRED.forEach(code -> {
            assertThat(v2.indicator(code)).as(code).isPresent();
            assertThat(q.indicator(code)).as(code).isEmpty();
        });
        ADDED.forEach(code -> {
            assertThat(v2.indicator(code)).as(code).isEmpty();
            assertThat(q.indicator(code)).as(code).isPresent();
        });
        // every other code is kept, with the same type, unit and meaning (the label changes only where it was wrong)
        List<String> kept = indicators(v2).stream().map(Indicator::code).filter(c -> !RETIRED.contains(c)).toList();
        assertThat(indicators(q).stream().map(Indicator::code).filter(c -> !ADDED.contains(c)).toList())
                .containsExactlyInAnyOrderElementsOf(kept);
        for (String code : kept) {
            Indicator old = v2.indicator(code).orElseThrow();
            Indicator now = q.indicator(code).orElseThrow();
            assertThat(now.type()).as(code).isEqualTo(old.type());
            assertThat(now.roleCode()).as(code).isEqualTo(old.roleCode());
            assertThat(now.extraChoices()).as(code).isEqualTo(old.extraChoices());
            if (!code.equals("MULTIDISCIPLINARY.conferences")) {
                assertThat(now.labelJa()).as(code).isEqualTo(old.labelJa());
            }
        }
        // 健診・予防接種: children's under 母子保健, adults' (and 特定保健指導) under その他, none under 産業保健
        assertThat(q.indicator("OTHER.checkups_vaccination").orElseThrow().roleCode()).isEqualTo(RoleCode.OTHER);
        assertThat(q.indicator("MATERNAL_CHILD.child_vaccination").orElseThrow().hintJa()).doesNotContain("産業保健");
        assertThat(q.role(RoleCode.OCCUPATIONAL_HEALTH).orElseThrow().indicators())
                .allSatisfy(i -> {
                    assertThat(i.labelJa()).doesNotContain("予防接種").doesNotContain("健診");
                    assertThat(i.hintJa()).doesNotContain("特定保健指導を含みます");
                });
        assertThat(q.indicator("OCCUPATIONAL_HEALTH.workplace_health_guidance").orElseThrow().hintJa()).contains("特定保健指導は産業保健ではない");
        // the label says what the hint asks: a monthly average
        assertThat(q.indicator("MULTIDISCIPLINARY.conferences").orElseThrow().labelJa()).contains("月平均");
    }

    @Test
    void noVersionThreeIndicatorClaimsToBeTheReportsItemExceptTheTwoThatAre() {
        Questionnaire q = questionnaires.current();
        for (Indicator i : indicators(q)) {
            boolean same = i.code().equals("CARE_WELFARE.opinion_letter") || i.code().equals("OUT_OF_HOURS.rota");
            assertThat(i.hintJa().contains("かかりつけ医機能報告の同じ項目")).as(i.code()).isEqualTo(same);
            assertThat(i.hintEn().contains("Same item and same choices")).as(i.code()).isEqualTo(same);
            assertThat(i.reportItemCode() != null).as(i.code()).isEqualTo(same);
            assertThat(i.type() == AnswerType.REPORT_SCALE || i.type() == AnswerType.REPORT_FREQUENCY).as(i.code()).isEqualTo(same);
        }
        Indicator letter = q.indicator("CARE_WELFARE.opinion_letter").orElseThrow();
        assertThat(letter.reportItemCode()).isEqualTo("NO2D.OPINION_LETTER");
        assertThat(letter.labelJa()).startsWith("主治医意見書の作成");
        assertThat(letter.choices()).containsExactly(Choice.NONE_NO_INTENT, Choice.NONE_WITH_INTENT, Choice.PROVIDED);
        assertThat(letter.period()).isEqualTo(IndicatorPeriod.PREVIOUS_CALENDAR_YEAR);
        Indicator rota = q.indicator("OUT_OF_HOURS.rota").orElseThrow();
        assertThat(rota.reportItemCode()).isEqualTo("NO2A.ROTA");
        assertThat(rota.labelJa()).isEqualTo("在宅当番医制（地域患者の時間外等外来に係る複数医療機関による輪番体制）への参加");
        assertThat(rota.choices()).containsExactly(Choice.FREQ_NONE_NO_INTENT, Choice.FREQ_NONE_WITH_INTENT,
                Choice.FREQ_UNDER_1, Choice.FREQ_1, Choice.FREQ_2_3, Choice.FREQ_4_5, Choice.FREQ_6_9, Choice.FREQ_10_PLUS);
        assertThat(rota.period()).isEqualTo(IndicatorPeriod.PREVIOUS_CALENDAR_YEAR);
        assertThat(q.indicator("OUT_OF_HOURS.out_of_hours_fee").orElseThrow().choices()).containsExactly(Choice.OOH_FEE_NONE,
                Choice.OOH_FEE_1, Choice.OOH_FEE_2, Choice.OOH_FEE_3, Choice.OOH_FEE_4);
    }

    @Test
    void versionThreeStatesAnExactPeriodForEveryIndicatorAndNeverSaysLastYear() {
        for (Indicator i : indicators(questionnaires.current())) {
            assertThat(i.period()).as(i.code()).isNotNull();
            assertThat(i.labelJa() + i.hintJa()).as(i.code()).doesNotContain("過去1年").doesNotContain("直近1年");
            assertThat(i.labelEn() + i.hintEn()).as(i.code()).doesNotContain("the last year").doesNotContain("last 12 months");
            if (i.period() == IndicatorPeriod.PREVIOUS_CALENDAR_YEAR) {
                assertThat(i.labelJa() + i.hintJa()).as(i.code()).contains("前年1月1日〜12月31日");
            }
            if (i.period() == IndicatorPeriod.PREVIOUS_FISCAL_YEAR) {
                assertThat(i.hintJa()).as(i.code()).contains("前年度（4月1日〜翌年3月31日）");
            }
        }
        assertThat(indicators(questionnaires.version(2))).allSatisfy(i -> assertThat(i.period()).isNull());
    }

    @Test
    void anAssociationIsNeverAskedTheReportsItemsAndGetsItsOwnDutyShiftQuestion() {
        Questionnaire q = questionnaires.current();
        Questionnaire association = q.forFacility(FacilityKind.ASSOCIATION);
        Questionnaire clinic = q.forFacility(FacilityKind.CLINIC);
        Questionnaire hospital = q.forFacility(FacilityKind.HOSPITAL);
        assertThat(indicators(association)).extracting(Indicator::type)
                .doesNotContain(AnswerType.REPORT_SCALE, AnswerType.REPORT_FREQUENCY, AnswerType.OUT_OF_HOURS_FEE);
        assertThat(indicators(association)).allSatisfy(i -> assertThat(i.reportItemCode()).isNull());
        assertThat(association.indicator("OUT_OF_HOURS.member_duty_shifts")).isPresent();
        assertThat(association.indicator("OUT_OF_HOURS.duty_shifts")).isEmpty();
        assertThat(association.indicator("EMERGENCY.association_coordination")).isPresent();
        assertThat(association.roles()).hasSize(14);
        assertThat(clinic.indicator("OUT_OF_HOURS.rota")).isPresent();
        assertThat(clinic.indicator("OUT_OF_HOURS.out_of_hours_fee")).isPresent();
        assertThat(clinic.indicator("CARE_WELFARE.opinion_letter")).isPresent();
        assertThat(clinic.indicator("OUT_OF_HOURS.member_duty_shifts")).isEmpty();
        assertThat(clinic.indicator("EMERGENCY.association_coordination")).isEmpty();
        // 時間外対応加算 is a clinic's fee
        assertThat(hospital.indicator("OUT_OF_HOURS.out_of_hours_fee")).isEmpty();
        assertThat(hospital.indicator("OUT_OF_HOURS.rota")).isPresent();
        // associations total their members' shifts: a range far above one facility's 366 days
        Indicator members = q.indicator("OUT_OF_HOURS.member_duty_shifts").orElseThrow();
        assertThat(members.max()).isGreaterThan(366 * 10);
        assertThat(q.indicator("OUT_OF_HOURS.duty_shifts").orElseThrow().hintJa()).doesNotContain("医師会");
        // versions 1 and 2 ask everyone everything, as they were answered
        assertThat(indicators(questionnaires.version(2).forFacility(FacilityKind.ASSOCIATION)))
                .hasSameSizeAs(indicators(questionnaires.version(2)));
    }

    @Test
    void everyChoiceHasALabelInBothLanguagesAndTheFrequencyScaleIsTheReportsWording() throws Exception {
        java.util.Properties ja = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties");
             var in2 = getClass().getResourceAsStream("/vaadin-i18n/translations_en.properties")) {
            ja.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(in2, StandardCharsets.UTF_8));
        }
        for (Choice c : Choice.values()) {
            assertThat(ja.getProperty("choice." + c.name())).as(c.name()).isNotBlank();
            assertThat(en.getProperty("choice." + c.name())).as(c.name()).isNotBlank();
        }
        assertThat(Choice.of(AnswerType.REPORT_FREQUENCY).stream().map(c -> ja.getProperty("choice." + c.name())).toList())
                .containsExactly("0:無し(意向無し)", "1:無し(意向有り)", "2:有り(月1回未満)", "3:有り(月1回)", "4:有り(月2~3回)",
                        "5:有り(月4~5回)", "6:有り(月6~9回)", "7:有り(月10回以上)");
        for (AnswerType t : AnswerType.values()) {
            assertThat(ja.getProperty("report.blank.type." + t.name())).as(t.name()).isNotBlank();
            assertThat(en.getProperty("report.blank.type." + t.name())).as(t.name()).isNotBlank();
        }
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
