package jp.kakaritsuke.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorHistory;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorRow;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleTrend;
import jp.kakaritsuke.assessment.service.AssessmentModels.TrendPoint;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The trend of a facility (issue 15): every submitted round across questionnaire versions 1–3, each scored by its own
 * version, the indicator history matched by code, access like the round's, an outsider's read audited. H2 and MariaDB.
 */
@SpringBootTest
@RecordApplicationEvents
class TrendServiceTest {

    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;
    @Autowired
    RoleProfileService profiles;
    @Autowired
    QuestionnaireService questionnaires;
    @Autowired
    AssessmentRoundRepository roundRepository;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;

    FacilityProfile clinic;
    String editor;
    /** A role whose indicators differ between version 1 and version 3 as a clinic is asked them. */
    RoleCode changing;
    long first;
    long second;
    long third;

    @BeforeEach
    void setUp() {
        clinic = fixtures.facility(FacilityKind.CLINIC);
        editor = fixtures.member(clinic, MemberRole.EDITOR);
        changing = Arrays.stream(RoleCode.values()).filter(r -> !codes(1, r).equals(codes(3, r))).findFirst().orElseThrow();
        first = submitOn(1, 1);
        second = submitOn(2, 2);
        third = submitOn(3, 3);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void everySubmittedRoundOldestFirstEachScoredByItsOwnVersion() {
        rounds.startRound(clinic.id()); // a draft is no part of the trend
        RoleTrend trend = profiles.trend(third);
        assertThat(trend.facilityId()).isEqualTo(clinic.id());
        assertThat(trend.rounds()).extracting(TrendPoint::roundId).containsExactly(first, second, third);
        assertThat(trend.rounds()).extracting(TrendPoint::questionnaireVersion).containsExactly(1, 2, 3);
        assertThat(trend.rounds()).extracting(TrendPoint::submittedAt).isSorted();
        // read from any of the facility's rounds, the same trend
        assertThat(profiles.trend(first).rounds()).extracting(TrendPoint::roundId).containsExactly(first, second, third);
        for (TrendPoint point : trend.rounds()) {
            assertThat(point.levels()).hasSize(14);
            assertThat(point.levels().get(RoleCode.HOME_CARE)).isEqualTo(point.questionnaireVersion());
            // the same score the round's own result page shows (its version's rule)
            Map<RoleCode, Integer> own = profiles.profile(point.roundId()).scores().stream()
                    .collect(Collectors.toMap(RoleScore::roleCode, RoleScore::score));
            assertThat(point.scores()).isEqualTo(own);
        }
        // level 1 → 3 shows as a rising score
        assertThat(trend.rounds().getFirst().scores().get(changing))
                .isLessThan(trend.rounds().getLast().scores().get(changing));
    }

    @Test
    void indicatorHistoryMatchesIndicatorsByCodeAndSaysWhichVersionDidNotAskThem() {
        IndicatorHistory history = profiles.indicatorHistory(third, changing, Locale.JAPANESE);
        assertThat(history.rounds()).extracting(r -> r.questionnaireVersion()).containsExactly(1, 2, 3);
        assertThat(history.levels()).containsExactly(1, 2, 3);
        Set<String> all = new java.util.HashSet<>();
        for (int v = 1; v <= 3; v++) {
            all.addAll(codes(v, changing));
        }
        assertThat(history.rows()).extracting(IndicatorRow::code).containsExactlyInAnyOrderElementsOf(all);
        for (IndicatorRow row : history.rows()) {
            for (int i = 0; i < 3; i++) {
                boolean asked = codes(i + 1, changing).contains(row.code());
                assertThat(row.cells().get(i).asked()).as("%s in version %d", row.code(), i + 1).isEqualTo(asked);
                // every asked indicator was answered; an unasked one has no value
                assertThat(row.cells().get(i).value() != null).as("%s in version %d", row.code(), i + 1).isEqualTo(asked);
            }
        }
        assertThat(history.rows()).anySatisfy(row -> assertThat(row.cells()).anyMatch(c -> !c.asked()));
        // labels from the newest version that asks the indicator, in the reader's language
        Questionnaire v3 = clinicVersion(3);
        Indicator newest = v3.role(changing).orElseThrow().indicators().getFirst();
        IndicatorRow row = history.rows().stream().filter(r -> r.code().equals(newest.code())).findFirst().orElseThrow();
        assertThat(row.label()).isEqualTo(newest.labelJa());
        assertThat(profiles.indicatorHistory(third, changing, Locale.ENGLISH).rows())
                .filteredOn(r -> r.code().equals(newest.code())).singleElement()
                .satisfies(r -> assertThat(r.label()).isEqualTo(newest.labelEn()));
    }

    @Test
    void anotherFacilityCannotReadItAndAnOutsidersReadIsAudited() {
        // a viewer of the facility reads it, unrecorded
        Fixtures.as(fixtures.member(clinic, MemberRole.VIEWER));
        assertThat(profiles.trend(third).rounds()).hasSize(3);
        assertThat(trendReads()).isEmpty();

        FacilityProfile other = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(other, MemberRole.EDITOR);
        assertThatThrownBy(() -> profiles.trend(third)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.indicatorHistory(third, changing, Locale.JAPANESE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.reportTrend(third)).isInstanceOf(NotFoundException.class);

        Fixtures.asAdmin();
        assertThat(profiles.trend(second).rounds()).hasSize(3);
        profiles.indicatorHistory(second, changing, Locale.JAPANESE);
        assertThat(trendReads()).extracting(AuditEvent::action, AuditEvent::facilityId)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(AuditAction.REPORT_DOWNLOADED, clinic.id()));
        assertThat(trendReads()).extracting(AuditEvent::detail)
                .containsExactly("trend, round " + second, "indicator history " + changing.name() + ", round " + second);
        // the report's trend sheet: the download is recorded once, by the report's profile
        profiles.reportTrend(second);
        assertThat(trendReads()).hasSize(2);
    }

    private List<AuditEvent> trendReads() {
        return events.stream(AuditEvent.class).filter(e -> e.action() == AuditAction.REPORT_DOWNLOADED).toList();
    }

    private Questionnaire clinicVersion(int version) {
        return questionnaires.version(version).forFacility(FacilityKind.CLINIC);
    }

    private Set<String> codes(int version, RoleCode role) {
        return clinicVersion(version).role(role).map(q -> q.indicators().stream().map(Indicator::code)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    /**
     * A round on {@code version} (older versions through the repository, as a facility that answered them back then),
     * every role at {@code level}, every indicator of {@link #changing} answered; submitted.
     */
    private long submitOn(int version, int level) {
        Fixtures.as(editor);
        long id;
        if (version == questionnaires.current().version()) {
            id = rounds.startRound(clinic.id()).summary().id();
        } else {
            AssessmentRound round = new AssessmentRound(clinic.id(), version, null, editor, clock.instant());
            questionnaires.version(version).roles().forEach(q -> round.addAnswer(q.roleCode()));
            id = roundRepository.saveAndFlush(round).getId();
        }
        Questionnaire asked = rounds.questionnaire(id);
        for (RoleQuestion q : asked.roles()) {
            Map<String, AnswerValue> values = new LinkedHashMap<>();
            if (q.roleCode() == changing) {
                for (Indicator i : q.indicators()) {
                    values.put(i.code(), switch (i.type()) {
                        case YES_NO -> AnswerValue.of(Choice.YES);
                        case NUMBER -> AnswerValue.of(BigDecimal.valueOf(i.min() == null ? 1 : Math.max(1, i.min())));
                        default -> AnswerValue.of(Choice.of(i.type()).getLast());
                    });
                }
            }
            long v = rounds.round(id).answer(q.roleCode()).version();
            rounds.saveRoleAnswer(id, q.roleCode(), v, new RoleAnswerInput(level, q.roleCode() == RoleCode.HOME_CARE,
                    null, values));
        }
        return submissions.submit(id).summary().id();
    }
}
