package jp.kakaritsuke.assessment;

import jp.kakaritsuke.base.web.NotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleProfile;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.AssessmentService;
import jp.kakaritsuke.assessment.service.ConcurrentEditException;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.assessment.service.SubmitIncompleteException;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityType;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** Rounds end to end through the service, on H2 and MariaDB: autosave, locking, authorisation, submit, copy, profile. */
@SpringBootTest
class AssessmentServiceTest {

    @Autowired
    AssessmentService assessments;

    @Autowired
    QuestionnaireService questionnaires;

    @Autowired
    Fixtures fixtures;

    FacilityProfile clinic;
    String editor;
    String secondEditor;
    String viewer;
    Questionnaire questionnaire;

    @BeforeEach
    void setUp() {
        clinic = fixtures.facility(FacilityType.CLINIC);
        secondEditor = fixtures.member(clinic, MemberRole.EDITOR);
        viewer = fixtures.member(clinic, MemberRole.VIEWER);
        editor = fixtures.member(clinic, MemberRole.EDITOR);
        questionnaire = questionnaires.current();
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void startingARoundCreatesADraftWithEveryRoleAndReturnsItAgainUntilSubmitted() {
        RoundView round = assessments.startRound(clinic.id());
        assertThat(round.summary().status()).isEqualTo(RoundStatus.DRAFT);
        assertThat(round.answers()).hasSize(14);
        assertThat(round.missingLevels()).hasSize(14);
        assertThat(assessments.startRound(clinic.id()).summary().id()).isEqualTo(round.summary().id());
    }

    @Test
    void everySaveIsStoredAndBumpsTheRolesVersion() {
        RoundView round = assessments.startRound(clinic.id());
        RoleAnswerView before = round.answer("HOME_CARE");
        RoleAnswerView saved = assessments.saveRoleAnswer(round.summary().id(), "HOME_CARE", before.version(),
                new RoleAnswerInput(3, true, "訪問看護STと連携", Map.of()));
        assertThat(saved.version()).isGreaterThan(before.version());
        // a fresh read (another request, or after a restart) sees it
        RoleAnswerView reread = assessments.round(round.summary().id()).answer("HOME_CARE");
        assertThat(reread.level()).isEqualTo(3);
        assertThat(reread.priority()).isTrue();
        assertThat(reread.note()).isEqualTo("訪問看護STと連携");
        assertThat(reread.updatedBy()).isEqualTo(editor);
    }

    @Test
    void aSecondEditorWithAStaleVersionGetsAConflictAndNothingIsOverwritten() {
        RoundView round = assessments.startRound(clinic.id());
        long stale = round.answer("OUT_OF_HOURS").version();
        assessments.saveRoleAnswer(round.summary().id(), "OUT_OF_HOURS", stale, new RoleAnswerInput(2, false, "A", Map.of()));

        Fixtures.as(secondEditor);
        assertThatThrownBy(() -> assessments.saveRoleAnswer(round.summary().id(), "OUT_OF_HOURS", stale,
                new RoleAnswerInput(4, false, "B", Map.of())))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> {
                    assertThat(e.current().level()).isEqualTo(2);
                    assertThat(e.current().updatedBy()).isEqualTo(editor);
                });
        assertThat(assessments.round(round.summary().id()).answer("OUT_OF_HOURS").note()).isEqualTo("A");
        // a different role is no conflict
        long other = round.answer("HOME_CARE").version();
        assertThat(assessments.saveRoleAnswer(round.summary().id(), "HOME_CARE", other,
                new RoleAnswerInput(1, false, null, Map.of())).level()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithKeysSayingWhatToFix() {
        RoundView round = assessments.startRound(clinic.id());
        long id = round.summary().id();
        RoleQuestion homeCare = questionnaire.role("HOME_CARE").orElseThrow();
        Indicator number = homeCare.indicators().stream().filter(i -> i.type().name().equals("NUMBER")).findFirst().orElseThrow();
        Indicator choice = homeCare.indicators().stream().filter(i -> !i.type().name().equals("NUMBER")).findFirst().orElseThrow();
        long v = round.answer("HOME_CARE").version();

        assertThatThrownBy(() -> assessments.saveRoleAnswer(id, "HOME_CARE", v, new RoleAnswerInput(5, false, null, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("assessment.error.level"));
        assertThatThrownBy(() -> assessments.saveRoleAnswer(id, "HOME_CARE", v, new RoleAnswerInput(1, false, null,
                Map.of(number.code(), AnswerValue.of(BigDecimal.valueOf(number.max() + 1L))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("assessment.error.number"));
        Choice wrongScale = choice.type().name().equals("YES_NO") ? Choice.PROVIDED : Choice.YES;
        assertThatThrownBy(() -> assessments.saveRoleAnswer(id, "HOME_CARE", v, new RoleAnswerInput(1, false, null,
                Map.of(choice.code(), AnswerValue.of(wrongScale)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("assessment.error.choice"));
        assertThatThrownBy(() -> assessments.saveRoleAnswer(id, "HOME_CARE", v, new RoleAnswerInput(1, false, "x".repeat(2001), Map.of())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> assessments.saveRoleAnswer(id, "HOME_CARE", v, new RoleAnswerInput(1, false, null,
                Map.of("OTHER.not_there", AnswerValue.of(Choice.YES)))))
                .isInstanceOf(InvalidInputException.class);
        // nothing was stored by the refused saves
        assertThat(assessments.round(id).answer("HOME_CARE").version()).isEqualTo(v);
    }

    @Test
    void viewersReadButCannotWriteAndOutsidersCannotEvenRead() {
        RoundView round = assessments.startRound(clinic.id());
        Fixtures.as(viewer);
        assertThat(assessments.round(round.summary().id()).answers()).hasSize(14);
        assertThatThrownBy(() -> assessments.saveRoleAnswer(round.summary().id(), "HOME_CARE",
                round.answer("HOME_CARE").version(), new RoleAnswerInput(1, false, null, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assessments.startRound(clinic.id())).isInstanceOf(AccessDeniedException.class);

        FacilityProfile other = fixtures.facility(FacilityType.HOSPITAL);
        String outsider = fixtures.member(other, MemberRole.EDITOR);
        Fixtures.as(outsider);
        // outsiders get "not found", as for ids that do not exist (issue 10)
        assertThatThrownBy(() -> assessments.round(round.summary().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assessments.rounds(clinic.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assessments.profile(round.summary().id())).isInstanceOf(NotFoundException.class);
        assertThat(assessments.visibleRounds()).noneMatch(r -> r.facilityId() == clinic.id());
    }

    @Test
    void submitNeedsEveryLevelThenTheRoundIsImmutableAndTheNextRoundStartsFromIt() {
        RoundView round = assessments.startRound(clinic.id());
        long id = round.summary().id();
        answerAll(round, 2, Choice.YES);
        RoleAnswerView last = assessments.round(id).answer("OTHER");
        assessments.saveRoleAnswer(id, "OTHER", last.version(), new RoleAnswerInput(null, false, null, Map.of()));
        assertThatThrownBy(() -> assessments.submit(id))
                .isInstanceOfSatisfying(SubmitIncompleteException.class, e -> assertThat(e.missingRoleCodes()).containsExactly("OTHER"));

        RoleAnswerView other = assessments.round(id).answer("OTHER");
        assessments.saveRoleAnswer(id, "OTHER", other.version(), new RoleAnswerInput(1, false, null, Map.of()));
        RoundView submitted = assessments.submit(id);
        assertThat(submitted.summary().status()).isEqualTo(RoundStatus.SUBMITTED);
        assertThat(submitted.summary().submittedBy()).isEqualTo(editor);
        assertThat(submitted.summary().submittedAt()).isNotNull();
        RoleAnswerView homeCare = submitted.answer("HOME_CARE");
        assertThatThrownBy(() -> assessments.saveRoleAnswer(id, "HOME_CARE", homeCare.version(),
                new RoleAnswerInput(4, false, null, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("assessment.error.notDraft"));
        assertThatThrownBy(() -> assessments.submit(id)).isInstanceOf(InvalidInputException.class);

        RoundView next = assessments.startRound(clinic.id());
        assertThat(next.summary().id()).isNotEqualTo(id);
        assertThat(next.answer("HOME_CARE").level()).isEqualTo(2);
        assertThat(next.answer("HOME_CARE").indicators()).isEqualTo(homeCare.indicators());
        assertThat(next.answer("OTHER").level()).isEqualTo(1);

        // profile of the new round after submit compares with the first
        answerAll(next, 4, Choice.YES);
        assessments.submit(next.summary().id());
        RoleProfile profile = assessments.profile(next.summary().id());
        assertThat(profile.previous().id()).isEqualTo(id);
        assertThat(profile.scores()).hasSize(14).allSatisfy(s -> {
            assertThat(s.score()).isBetween(0, 100);
            assertThat(s.previousScore()).isNotNull();
            assertThat(s.score()).isGreaterThanOrEqualTo(s.previousScore());
        });
        assertThat(assessments.rounds(clinic.id())).extracting(r -> r.status()).containsExactly(RoundStatus.SUBMITTED, RoundStatus.SUBMITTED);
    }

    private void answerAll(RoundView round, int level, Choice yes) {
        for (RoleQuestion q : questionnaire.roles()) {
            Map<String, AnswerValue> values = new LinkedHashMap<>();
            for (Indicator i : q.indicators()) {
                values.put(i.code(), switch (i.type()) {
                    case YES_NO -> AnswerValue.of(yes);
                    case REPORT_SCALE -> AnswerValue.of(Choice.PROVIDED);
                    case NUMBER -> AnswerValue.of(BigDecimal.valueOf(i.min() == null ? 0 : i.min()));
                });
            }
            long version = assessments.round(round.summary().id()).answer(q.roleCode()).version();
            assessments.saveRoleAnswer(round.summary().id(), q.roleCode(), version, new RoleAnswerInput(level, false, null, values));
        }
    }
}
