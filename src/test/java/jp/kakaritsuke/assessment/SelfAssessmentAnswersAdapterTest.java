package jp.kakaritsuke.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers;
import jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers.Submission;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The report preparation's port onto the self-assessment: the latest submitted round only, for the facility's people. */
@SpringBootTest
class SelfAssessmentAnswersAdapterTest {

    @Autowired
    SelfAssessmentAnswers answers;

    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void givesTheLatestSubmittedRoundsAnswersNeverADraftAndOnlyToTheFacilitysPeople() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        assertThat(answers.latestSubmitted(clinic.id())).isEmpty();

        RoundView first = rounds.startRound(clinic.id());
        long id = first.summary().id();
        first.answers().forEach(a -> rounds.saveRoleAnswer(id, a.roleCode(), a.version(), new RoleAnswerInput(2, false, null,
                switch (a.roleCode()) {
                    case RoleCode.OUT_OF_HOURS -> Map.of("OUT_OF_HOURS.rota", AnswerValue.of(Choice.FREQ_2_3),
                            "OUT_OF_HOURS.duty_shifts", AnswerValue.of(BigDecimal.valueOf(30)));
                    case RoleCode.CARE_WELFARE -> Map.of("CARE_WELFARE.opinion_letter", AnswerValue.of(Choice.PROVIDED));
                    default -> Map.<String, AnswerValue>of();
                })));
        // a draft is not the facility's answer yet
        assertThat(answers.latestSubmitted(clinic.id())).isEmpty();
        submissions.submit(id);

        Submission s = answers.latestSubmitted(clinic.id()).orElseThrow();
        assertThat(s.roundId()).isEqualTo(id);
        assertThat(s.questionnaireVersion()).isEqualTo(3);
        assertThat(s.submittedAt()).isEqualTo(rounds.round(id).summary().submittedAt()); // as stored
        assertThat(s.choices()).containsExactlyInAnyOrderEntriesOf(Map.of("OUT_OF_HOURS.rota", "FREQ_2_3",
                "CARE_WELFARE.opinion_letter", "PROVIDED"));
        assertThat(s.numbers()).containsOnlyKeys("OUT_OF_HOURS.duty_shifts");
        assertThat(s.numbers().get("OUT_OF_HOURS.duty_shifts")).isEqualByComparingTo("30");

        // the next round's draft, changed, does not replace the submitted answers
        RoundView next = rounds.startRound(clinic.id());
        var ooh = next.answer(RoleCode.OUT_OF_HOURS);
        rounds.saveRoleAnswer(next.summary().id(), RoleCode.OUT_OF_HOURS, ooh.version(), new RoleAnswerInput(3, false, null,
                Map.of("OUT_OF_HOURS.rota", AnswerValue.of(Choice.FREQ_10_PLUS))));
        assertThat(answers.latestSubmitted(clinic.id()).orElseThrow().choices()).containsEntry("OUT_OF_HOURS.rota", "FREQ_2_3");

        // a viewer of the facility reads it; someone of another facility learns nothing
        Fixtures.as(fixtures.member(clinic, MemberRole.VIEWER));
        assertThat(answers.latestSubmitted(clinic.id())).isPresent();
        FacilityProfile other = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(other, MemberRole.EDITOR);
        assertThatThrownBy(() -> answers.latestSubmitted(clinic.id())).isInstanceOf(NotFoundException.class);
        Fixtures.anonymous();
        assertThatThrownBy(() -> answers.latestSubmitted(clinic.id())).isInstanceOf(RuntimeException.class);
        Fixtures.as(editor);
    }
}
