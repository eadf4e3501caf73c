package jp.kakaritsuke.assessment;

import jp.kakaritsuke.base.NotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerChange;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
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
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.assessment.service.ConcurrentEditException;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.assessment.service.SubmitIncompleteException;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
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
    RoundService rounds;
    @Autowired
    SubmissionService submissions;
    @Autowired
    RoleProfileService profiles;

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
        clinic = fixtures.facility(FacilityKind.CLINIC);
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
        RoundView round = rounds.startRound(clinic.id());
        assertThat(round.summary().status()).isEqualTo(RoundStatus.DRAFT);
        assertThat(round.answers()).hasSize(14);
        assertThat(round.missingLevels()).hasSize(14);
        assertThat(rounds.startRound(clinic.id()).summary().id()).isEqualTo(round.summary().id());
    }

    @Test
    void everySaveIsStoredAndBumpsTheRolesVersion() {
        RoundView round = rounds.startRound(clinic.id());
        RoleAnswerView before = round.answer(RoleCode.HOME_CARE);
        RoleAnswerView saved = rounds.saveRoleAnswer(round.summary().id(), RoleCode.HOME_CARE, before.version(),
                new RoleAnswerInput(3, true, "訪問看護STと連携", Map.of()));
        assertThat(saved.version()).isGreaterThan(before.version());
        // a fresh read (another request, or after a restart) sees it
        RoleAnswerView reread = rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE);
        assertThat(reread.level()).isEqualTo(3);
        assertThat(reread.priority()).isTrue();
        assertThat(reread.note()).isEqualTo("訪問看護STと連携");
        assertThat(reread.updatedBy()).isEqualTo(editor);
    }

    @Test
    void aSecondEditorWithAStaleVersionGetsAConflictAndNothingIsOverwritten() {
        RoundView round = rounds.startRound(clinic.id());
        long stale = round.answer(RoleCode.OUT_OF_HOURS).version();
        rounds.saveRoleAnswer(round.summary().id(), RoleCode.OUT_OF_HOURS, stale, new RoleAnswerInput(2, false, "A", Map.of()));

        Fixtures.as(secondEditor);
        assertThatThrownBy(() -> rounds.saveRoleAnswer(round.summary().id(), RoleCode.OUT_OF_HOURS, stale,
                new RoleAnswerInput(4, false, "B", Map.of())))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> {
                    assertThat(e.current().level()).isEqualTo(2);
                    assertThat(e.current().updatedBy()).isEqualTo(editor);
                });
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.OUT_OF_HOURS).note()).isEqualTo("A");
        // a different role is no conflict
        long other = round.answer(RoleCode.HOME_CARE).version();
        assertThat(rounds.saveRoleAnswer(round.summary().id(), RoleCode.HOME_CARE, other,
                new RoleAnswerInput(1, false, null, Map.of())).level()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        RoundView round = rounds.startRound(clinic.id());
        long id = round.summary().id();
        RoleQuestion homeCare = questionnaire.role(RoleCode.HOME_CARE).orElseThrow();
        Indicator number = homeCare.indicators().stream().filter(i -> i.type().name().equals("NUMBER")).findFirst().orElseThrow();
        Indicator choice = homeCare.indicators().stream().filter(i -> !i.type().name().equals("NUMBER")).findFirst().orElseThrow();
        long v = round.answer(RoleCode.HOME_CARE).version();

        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v, new RoleAnswerInput(5, false, null, Map.of())))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("level", "assessment.error.level", List.of())));
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v, new RoleAnswerInput(1, false, null,
                Map.of(number.code(), AnswerValue.of(BigDecimal.valueOf(number.max() + 1L))))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError(number.code(), "assessment.error.numberRange", List.of(number.min(), number.max()))));
        Choice wrongScale = choice.type().name().equals("YES_NO") ? Choice.PROVIDED : Choice.YES;
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v, new RoleAnswerInput(1, false, null,
                Map.of(choice.code(), AnswerValue.of(wrongScale)))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.on(choice.code()).orElseThrow().messageKey())
                        .isEqualTo("assessment.error.choice"));
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v, new RoleAnswerInput(1, false, "x".repeat(2001), Map.of())))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.on("note")).isPresent());
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v, new RoleAnswerInput(1, false, null,
                Map.of("OTHER.not_there", AnswerValue.of(Choice.YES)))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.on("OTHER.not_there")).isPresent());
        // every refused field is named at once, and the good ones are not saved either
        Map<String, AnswerValue> mixed = new LinkedHashMap<>();
        mixed.put(choice.code(), AnswerValue.of(choice.choices().getFirst()));
        mixed.put(number.code(), AnswerValue.typed("たくさん"));
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v, new RoleAnswerInput(7, false, null, mixed)))
                .isInstanceOfSatisfying(FieldErrors.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("level", number.code());
                    assertThat(e.on(number.code()).orElseThrow().messageKey()).isEqualTo("assessment.error.notANumber");
                    // still an InvalidInputException for callers that only know that
                    assertThat(e.messageKeys()).contains("assessment.error.level", "assessment.error.notANumber");
                });
        // nothing was stored by the refused saves
        assertThat(rounds.round(id).answer(RoleCode.HOME_CARE).version()).isEqualTo(v);
        assertThat(rounds.round(id).answer(RoleCode.HOME_CARE).indicators()).isEmpty();
    }

    @Test
    void typedNumbersAreReadLikeAPersonMeantThem() {
        RoundView round = rounds.startRound(clinic.id());
        long id = round.summary().id();
        long v = round.answer(RoleCode.HOME_CARE).version();
        Map<String, AnswerValue> typed = new LinkedHashMap<>();
        typed.put("HOME_CARE.visit_patients", AnswerValue.typed("１，２００"));
        RoleAnswerView saved = rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v, new RoleAnswerInput(2, false, null, typed));
        assertThat(saved.indicators().get("HOME_CARE.visit_patients").number()).isEqualByComparingTo("1200");
        assertThat(saved.indicators().get("HOME_CARE.visit_patients").text()).isNull();

        long v2 = saved.version();
        RoleAnswerView fullWidth = rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, v2, new RoleAnswerInput(2, false, null,
                Map.of("HOME_CARE.visit_patients", AnswerValue.typed(" ３．５ "))));
        assertThat(fullWidth.indicators().get("HOME_CARE.visit_patients").number()).isEqualByComparingTo("3.5");
        // blank text is "no answer", not an error
        RoleAnswerView blank = rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, fullWidth.version(), new RoleAnswerInput(2, false, null,
                Map.of("HOME_CARE.visit_patients", AnswerValue.typed("　"))));
        assertThat(blank.indicators()).doesNotContainKey("HOME_CARE.visit_patients");

        for (String bad : List.of("5000", "-1", "1.234", "１２ｘ", "1e3")) {
            long current = rounds.round(id).answer(RoleCode.HOME_CARE).version();
            assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, current, new RoleAnswerInput(2, false, null,
                    Map.of("HOME_CARE.visit_patients", AnswerValue.typed(bad)))))
                    .as(bad)
                    .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.on("HOME_CARE.visit_patients")).isPresent());
        }
        assertThat(rounds.round(id).answer(RoleCode.HOME_CARE).version()).isEqualTo(blank.version());
    }

    @Test
    void unknownAndNotApplicableAreAnswersWhereTheIndicatorOffersThem() {
        RoundView round = rounds.startRound(clinic.id());
        long id = round.summary().id();
        RoleAnswerView saved = rounds.saveRoleAnswer(id, RoleCode.HOSPITAL_HOSPITAL, round.answer(RoleCode.HOSPITAL_HOSPITAL).version(),
                new RoleAnswerInput(0, false, null, Map.of("HOSPITAL_HOSPITAL.joint_training", AnswerValue.of(Choice.NOT_APPLICABLE))));
        assertThat(saved.indicators().get("HOSPITAL_HOSPITAL.joint_training").choice()).isEqualTo(Choice.NOT_APPLICABLE);
        // 不明 is not offered there, and neither is offered on an indicator without them
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOSPITAL_HOSPITAL, saved.version(),
                new RoleAnswerInput(0, false, null, Map.of("HOSPITAL_HOSPITAL.joint_training", AnswerValue.of(Choice.UNKNOWN)))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.on("HOSPITAL_HOSPITAL.joint_training")).isPresent());
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.CLINIC_CLINIC, round.answer(RoleCode.CLINIC_CLINIC).version(),
                new RoleAnswerInput(0, false, null, Map.of("CLINIC_CLINIC.case_conferences", AnswerValue.of(Choice.NOT_APPLICABLE)))))
                .isInstanceOf(FieldErrors.class);
    }

    @Test
    void viewersReadButCannotWriteAndOutsidersCannotEvenRead() {
        RoundView round = rounds.startRound(clinic.id());
        Fixtures.as(viewer);
        assertThat(rounds.round(round.summary().id()).answers()).hasSize(14);
        assertThatThrownBy(() -> rounds.saveRoleAnswer(round.summary().id(), RoleCode.HOME_CARE,
                round.answer(RoleCode.HOME_CARE).version(), new RoleAnswerInput(1, false, null, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rounds.startRound(clinic.id())).isInstanceOf(AccessDeniedException.class);

        FacilityProfile other = fixtures.facility(FacilityKind.HOSPITAL);
        String outsider = fixtures.member(other, MemberRole.EDITOR);
        Fixtures.as(outsider);
        // outsiders get "not found", as for ids that do not exist (issue 10)
        assertThatThrownBy(() -> rounds.round(round.summary().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rounds.rounds(clinic.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.profile(round.summary().id())).isInstanceOf(NotFoundException.class);
        assertThat(rounds.visibleRounds()).noneMatch(r -> r.facilityId() == clinic.id());
    }

    @Test
    void submitNeedsEveryLevelThenTheRoundIsImmutableAndTheNextRoundStartsFromIt() {
        RoundView round = rounds.startRound(clinic.id());
        long id = round.summary().id();
        answerAll(round, 2, Choice.YES);
        RoleAnswerView last = rounds.round(id).answer(RoleCode.OTHER);
        rounds.saveRoleAnswer(id, RoleCode.OTHER, last.version(), new RoleAnswerInput(null, false, null, Map.of()));
        assertThatThrownBy(() -> submissions.submit(id))
                .isInstanceOfSatisfying(SubmitIncompleteException.class, e -> assertThat(e.missingRoleCodes()).containsExactly(RoleCode.OTHER));

        RoleAnswerView other = rounds.round(id).answer(RoleCode.OTHER);
        rounds.saveRoleAnswer(id, RoleCode.OTHER, other.version(), new RoleAnswerInput(1, false, null, Map.of()));
        RoundView submitted = submissions.submit(id);
        assertThat(submitted.summary().status()).isEqualTo(RoundStatus.SUBMITTED);
        assertThat(submitted.summary().submittedBy()).isEqualTo(editor);
        assertThat(submitted.summary().submittedAt()).isNotNull();
        RoleAnswerView homeCare = submitted.answer(RoleCode.HOME_CARE);
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.HOME_CARE, homeCare.version(),
                new RoleAnswerInput(4, false, null, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("assessment.error.notDraft"));
        assertThatThrownBy(() -> submissions.submit(id)).isInstanceOf(InvalidInputException.class);

        RoundView next = rounds.startRound(clinic.id());
        assertThat(next.summary().id()).isNotEqualTo(id);
        assertThat(next.answer(RoleCode.HOME_CARE).level()).isEqualTo(2);
        assertThat(next.answer(RoleCode.HOME_CARE).indicators()).isEqualTo(homeCare.indicators());
        assertThat(next.answer(RoleCode.OTHER).level()).isEqualTo(1);

        // profile of the new round after submit compares with the first
        answerAll(next, 4, Choice.YES);
        submissions.submit(next.summary().id());
        RoleProfile profile = profiles.profile(next.summary().id());
        assertThat(profile.previous().id()).isEqualTo(id);
        assertThat(profile.scores()).hasSize(14).allSatisfy(s -> {
            assertThat(s.score()).isBetween(0, 100);
            assertThat(s.previousScore()).isNotNull();
            assertThat(s.score()).isGreaterThanOrEqualTo(s.previousScore());
        });
        assertThat(rounds.rounds(clinic.id())).extracting(r -> r.status()).containsExactly(RoundStatus.SUBMITTED, RoundStatus.SUBMITTED);
    }

    @Test
    void aReassessmentShowsLastTimesAnswerAsksForConfirmationAndListsWhatChanged() {
        RoundView first = rounds.startRound(clinic.id());
        // a first round has nothing to confirm: only levels are asked for
        assertThat(first.answers()).allSatisfy(a -> {
            assertThat(a.confirmed()).isTrue();
            assertThat(a.previous()).isNull();
        });
        assertThat(first.changes()).isEmpty();
        answerAll(first, 2, Choice.YES);
        submissions.submit(first.summary().id());

        RoundView next = rounds.startRound(clinic.id());
        long id = next.summary().id();
        assertThat(next.unconfirmed()).hasSize(14);
        RoleAnswerView homeCare = next.answer(RoleCode.HOME_CARE);
        assertThat(homeCare.confirmed()).isFalse();
        assertThat(homeCare.previous().level()).isEqualTo(2);
        assertThat(homeCare.previous().indicators()).isEqualTo(homeCare.indicators());
        assertThat(next.changes()).isEmpty();
        assertThatThrownBy(() -> submissions.submit(id)).isInstanceOfSatisfying(SubmitIncompleteException.class, e -> {
            assertThat(e.missingRoleCodes()).isEmpty();
            assertThat(e.unconfirmedRoleCodes()).hasSize(14).contains(RoleCode.HOME_CARE);
        });

        // 「変更なし」 needs the version the screen shows, like a save
        RoleAnswerView confirmed = rounds.confirmUnchanged(id, RoleCode.HOME_CARE, homeCare.version());
        assertThat(confirmed.confirmed()).isTrue();
        assertThat(confirmed.version()).isGreaterThan(homeCare.version());
        assertThat(confirmed.level()).isEqualTo(2);
        assertThatThrownBy(() -> rounds.confirmUnchanged(id, RoleCode.HOME_CARE, homeCare.version()))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> assertThat(e.current().version()).isEqualTo(confirmed.version()));
        // a viewer may not confirm, an outsider does not see the round
        Fixtures.as(viewer);
        RoleAnswerView endOfLife = rounds.round(id).answer(RoleCode.END_OF_LIFE);
        assertThatThrownBy(() -> rounds.confirmUnchanged(id, RoleCode.END_OF_LIFE, endOfLife.version()))
                .isInstanceOf(AccessDeniedException.class);
        FacilityProfile other = fixtures.facility(FacilityKind.HOSPITAL);
        Fixtures.as(fixtures.member(other, MemberRole.EDITOR));
        assertThatThrownBy(() -> rounds.confirmUnchanged(id, RoleCode.END_OF_LIFE, endOfLife.version()))
                .isInstanceOf(NotFoundException.class);
        Fixtures.as(editor);

        // any save confirms; the change list names what differs from last time
        RoleAnswerView outOfHours = next.answer(RoleCode.OUT_OF_HOURS);
        Map<String, AnswerValue> changed = new LinkedHashMap<>(outOfHours.indicators());
        changed.put("OUT_OF_HOURS.phone_24h", AnswerValue.of(Choice.NO));
        RoleAnswerView saved = rounds.saveRoleAnswer(id, RoleCode.OUT_OF_HOURS, outOfHours.version(),
                new RoleAnswerInput(3, true, "夜間は輪番", changed));
        assertThat(saved.confirmed()).isTrue();
        assertThat(saved.previous().level()).isEqualTo(2);
        assertThat(rounds.round(id).changes()).containsExactly(
                new AnswerChange(RoleCode.OUT_OF_HOURS, "level", "2", "3"),
                new AnswerChange(RoleCode.OUT_OF_HOURS, "priority", "false", "true"),
                new AnswerChange(RoleCode.OUT_OF_HOURS, "OUT_OF_HOURS.phone_24h", "YES", "NO"),
                new AnswerChange(RoleCode.OUT_OF_HOURS, "note", null, "夜間は輪番"));

        for (RoleAnswerView a : rounds.round(id).answers()) {
            if (!a.confirmed()) {
                rounds.confirmUnchanged(id, a.roleCode(), a.version());
            }
        }
        assertThat(submissions.submit(id).summary().status()).isEqualTo(RoundStatus.SUBMITTED);
    }

    @Test
    void aVersionOneRoundKeepsVersionOneScoringAndCarriesIntoTheCurrentVersion() {
        // an old round, answered on version 1 before version 2 was published
        Fixtures.as(editor);
        AssessmentRound old = oldRounds.saveAndFlush(versionOneRound(clinic.id()));
        RoundView v1 = rounds.round(old.getId());
        assertThat(v1.summary().questionnaireVersion()).isEqualTo(1);
        for (RoleAnswerView a : v1.answers()) {
            rounds.saveRoleAnswer(old.getId(), a.roleCode(), a.version(), new RoleAnswerInput(2, false, null,
                    a.roleCode() == RoleCode.HOME_CARE ? Map.of("HOME_CARE.co_physician", AnswerValue.of(Choice.YES)) : Map.of()));
        }
        submissions.submit(old.getId());
        RoleProfile v1Profile = profiles.profile(old.getId());
        // version 1: 60 % of L/4 plus 40 % of the mean over all indicators, unanswered = 0
        assertThat(v1Profile.scores()).filteredOn(sc -> sc.roleCode() == RoleCode.OTHER).singleElement()
                .satisfies(sc -> {
                    assertThat(sc.score()).isEqualTo(30);
                    assertThat(sc.detailed()).isFalse();
                });
        int homeCareIndicators = questionnaires.version(1).role(RoleCode.HOME_CARE).orElseThrow().indicators().size();
        assertThat(v1Profile.scores()).filteredOn(sc -> sc.roleCode() == RoleCode.HOME_CARE).singleElement()
                .satisfies(sc -> {
                    assertThat(sc.score()).isEqualTo((int) Math.round(100 * (0.6 * 0.5 + 0.4 / homeCareIndicators)));
                    assertThat(sc.detailed()).isTrue();
                });

        // the next round is on the current version (3), copied from the version 1 round with the same codes
        RoundView v2 = rounds.startRound(clinic.id());
        assertThat(v2.summary().questionnaireVersion()).isEqualTo(3);
        assertThat(v2.answer(RoleCode.HOME_CARE).indicators().get("HOME_CARE.co_physician").choice()).isEqualTo(Choice.YES);
        assertThat(v2.answer(RoleCode.HOME_CARE).previous().indicators()).containsKey("HOME_CARE.co_physician");
        assertThat(v2.answer(RoleCode.OTHER).level()).isEqualTo(2);
        for (RoleAnswerView a : v2.answers()) {
            rounds.confirmUnchanged(v2.summary().id(), a.roleCode(), a.version());
        }
        submissions.submit(v2.summary().id());
        RoleProfile v2Profile = profiles.profile(v2.summary().id());
        // versions 2 and 3: a role without indicator answers scores on its level alone; HOME_CARE's one "yes" is its mean
        assertThat(v2Profile.scores()).filteredOn(sc -> sc.roleCode() == RoleCode.OTHER).singleElement()
                .satisfies(sc -> assertThat(sc.score()).isEqualTo(50));
        assertThat(v2Profile.scores()).filteredOn(sc -> sc.roleCode() == RoleCode.HOME_CARE).singleElement()
                .satisfies(sc -> {
                    assertThat(sc.score()).isEqualTo(70);
                    assertThat(sc.detailed()).isTrue();
                });
        // the old round still reads with its own rule
        assertThat(profiles.profile(old.getId()).scores()).filteredOn(sc -> sc.roleCode() == RoleCode.OTHER)
                .singleElement().satisfies(sc -> assertThat(sc.score()).isEqualTo(30));
    }

    @Test
    void aVersionTwoRoundCarriesIntoVersionThreeOnlyTheCodesThatKeptTheirMeaning() {
        Fixtures.as(editor);
        AssessmentRound old = oldRounds.saveAndFlush(roundOn(2, clinic.id()));
        long oldId = old.getId();
        Map<RoleCode, Map<String, AnswerValue>> given = Map.of(
                RoleCode.HOME_CARE, Map.of("HOME_CARE.home_care", AnswerValue.of(Choice.PROVIDED), // retired: was "the report's"
                        "HOME_CARE.co_physician", AnswerValue.of(Choice.YES)),
                RoleCode.OCCUPATIONAL_HEALTH, Map.of("OCCUPATIONAL_HEALTH.stress_check", AnswerValue.of(Choice.YES)), // counted 特定保健指導
                RoleCode.OUT_OF_HOURS, Map.of("OUT_OF_HOURS.after_hours_care", AnswerValue.of(Choice.PROVIDED),
                        "OUT_OF_HOURS.duty_shifts", AnswerValue.of(BigDecimal.valueOf(24))),
                RoleCode.EMERGENCY, Map.of("EMERGENCY.fever_clinic", AnswerValue.of(Choice.UNKNOWN),
                        "EMERGENCY.ems_sharing", AnswerValue.of(Choice.UNKNOWN)),
                RoleCode.HOSPITAL_HOSPITAL, Map.of("HOSPITAL_HOSPITAL.joint_training", AnswerValue.of(Choice.NOT_APPLICABLE)));
        for (RoleAnswerView a : rounds.round(oldId).answers()) {
            rounds.saveRoleAnswer(oldId, a.roleCode(), a.version(),
                    new RoleAnswerInput(3, false, null, given.getOrDefault(a.roleCode(), Map.of())));
        }
        submissions.submit(oldId);

        RoundView v3 = rounds.startRound(clinic.id());
        assertThat(v3.summary().questionnaireVersion()).isEqualTo(3);
        // kept codes are carried, with values v3 still accepts (不明 / 該当なし where v3 still offers them)
        assertThat(v3.answer(RoleCode.HOME_CARE).indicators()).containsOnlyKeys("HOME_CARE.co_physician");
        assertThat(v3.answer(RoleCode.OUT_OF_HOURS).indicators()).containsOnlyKeys("OUT_OF_HOURS.duty_shifts");
        assertThat(v3.answer(RoleCode.OUT_OF_HOURS).indicators().get("OUT_OF_HOURS.duty_shifts").number()).isEqualByComparingTo("24");
        assertThat(v3.answer(RoleCode.EMERGENCY).indicators()).containsOnlyKeys("EMERGENCY.ems_sharing");
        assertThat(v3.answer(RoleCode.HOSPITAL_HOSPITAL).indicators().get("HOSPITAL_HOSPITAL.joint_training").choice())
                .isEqualTo(Choice.NOT_APPLICABLE);
        // retired codes are not carried, and their replacements start empty: a changed question is asked afresh
        assertThat(v3.answer(RoleCode.OCCUPATIONAL_HEALTH).indicators()).isEmpty();
        assertThat(v3.answer(RoleCode.HOME_CARE).indicators()).doesNotContainKey("HOME_CARE.home_visits");
        assertThat(v3.answer(RoleCode.OUT_OF_HOURS).indicators()).doesNotContainKey("OUT_OF_HOURS.rota");
        // last time's answer is shown on this version's indicators only
        assertThat(v3.answer(RoleCode.HOME_CARE).previous().indicators()).containsOnlyKeys("HOME_CARE.co_physician");
        assertThat(v3.answer(RoleCode.HOME_CARE).level()).isEqualTo(3);

        // scores stay comparable per role: same level and no counting indicator answer → the same score in both
        for (RoleAnswerView a : rounds.round(v3.summary().id()).answers()) {
            rounds.confirmUnchanged(v3.summary().id(), a.roleCode(), a.version());
        }
        submissions.submit(v3.summary().id());
        RoleProfile before = profiles.profile(oldId);
        RoleProfile after = profiles.profile(v3.summary().id());
        for (RoleCode role : List.of(RoleCode.CLINIC_CLINIC, RoleCode.MATERNAL_CHILD, RoleCode.CARE_WELFARE, RoleCode.OTHER)) {
            Integer v2Score = before.scores().stream().filter(sc -> sc.roleCode().equals(role)).findFirst().orElseThrow().score();
            Integer v3Score = after.scores().stream().filter(sc -> sc.roleCode().equals(role)).findFirst().orElseThrow().score();
            assertThat(v3Score).as(role.name()).isEqualTo(v2Score).isEqualTo(75);
        }
        assertThat(after.scores()).filteredOn(sc -> sc.roleCode() == RoleCode.CLINIC_CLINIC).singleElement()
                .satisfies(sc -> assertThat(sc.change()).isZero());
        // a retired question's answer no longer counts: its role is back on its level until the new one is answered
        assertThat(after.scores()).filteredOn(sc -> sc.roleCode() == RoleCode.OCCUPATIONAL_HEALTH).singleElement()
                .satisfies(sc -> {
                    assertThat(sc.previousScore()).isEqualTo(85);
                    assertThat(sc.score()).isEqualTo(75);
                });
    }

    @Test
    void version3AsksAnAssociationItsOwnIndicatorsAndRefusesTheReportsScalesAndTheClinicsQuestions() {
        FacilityProfile association = fixtures.facility(FacilityKind.ASSOCIATION);
        fixtures.member(association, MemberRole.EDITOR);
        // an association's version 2 answer on duty_shifts (members' totals, squeezed under 366) does not carry
        AssessmentRound old = oldRounds.saveAndFlush(roundOn(2, association.id()));
        for (RoleAnswerView a : rounds.round(old.getId()).answers()) {
            rounds.saveRoleAnswer(old.getId(), a.roleCode(), a.version(), new RoleAnswerInput(2, false, null,
                    a.roleCode() == RoleCode.OUT_OF_HOURS ? Map.of("OUT_OF_HOURS.duty_shifts", AnswerValue.of(BigDecimal.valueOf(300)),
                            "OUT_OF_HOURS.phone_24h", AnswerValue.of(Choice.YES)) : Map.of()));
        }
        submissions.submit(old.getId());
        RoundView round = rounds.startRound(association.id());
        long id = round.summary().id();
        assertThat(round.answer(RoleCode.OUT_OF_HOURS).indicators()).containsOnlyKeys("OUT_OF_HOURS.phone_24h");
        Questionnaire asked = rounds.questionnaire(id);
        assertThat(asked.role(RoleCode.OUT_OF_HOURS).orElseThrow().indicators()).extracting(Indicator::code)
                .contains("OUT_OF_HOURS.member_duty_shifts").doesNotContain("OUT_OF_HOURS.rota", "OUT_OF_HOURS.duty_shifts",
                        "OUT_OF_HOURS.out_of_hours_fee");
        assertThat(asked.roles().stream().flatMap(r -> r.indicators().stream())).extracting(Indicator::type)
                .doesNotContain(AnswerType.REPORT_SCALE, AnswerType.REPORT_FREQUENCY, AnswerType.OUT_OF_HOURS_FEE);
        long v = rounds.round(id).answer(RoleCode.OUT_OF_HOURS).version();
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.OUT_OF_HOURS, v, new RoleAnswerInput(2, false, null,
                Map.of("OUT_OF_HOURS.rota", AnswerValue.of(Choice.FREQ_1)))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.on("OUT_OF_HOURS.rota").orElseThrow().messageKey())
                        .isEqualTo("assessment.error.unknownIndicator"));
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.CARE_WELFARE, rounds.round(id).answer(RoleCode.CARE_WELFARE).version(),
                new RoleAnswerInput(2, false, null, Map.of("CARE_WELFARE.opinion_letter", AnswerValue.of(Choice.PROVIDED)))))
                .isInstanceOf(FieldErrors.class);
        // the members' total shifts over a year: far above one facility's 366
        RoleAnswerView saved = rounds.saveRoleAnswer(id, RoleCode.OUT_OF_HOURS, v, new RoleAnswerInput(2, false, null,
                Map.of("OUT_OF_HOURS.member_duty_shifts", AnswerValue.typed("2,400"))));
        assertThat(saved.indicators().get("OUT_OF_HOURS.member_duty_shifts").number()).isEqualByComparingTo("2400");
    }

    @Test
    void version3ValidatesTheReportsFrequencyScaleAndTheOutOfHoursFeeOnAClinic() {
        RoundView round = rounds.startRound(clinic.id());
        long id = round.summary().id();
        long v = round.answer(RoleCode.OUT_OF_HOURS).version();
        assertThatThrownBy(() -> rounds.saveRoleAnswer(id, RoleCode.OUT_OF_HOURS, v, new RoleAnswerInput(2, false, null,
                Map.of("OUT_OF_HOURS.rota", AnswerValue.of(Choice.PROVIDED), "OUT_OF_HOURS.out_of_hours_fee", AnswerValue.of(Choice.FREQ_1)))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("OUT_OF_HOURS.rota", "OUT_OF_HOURS.out_of_hours_fee"));
        RoleAnswerView saved = rounds.saveRoleAnswer(id, RoleCode.OUT_OF_HOURS, v, new RoleAnswerInput(2, false, null,
                Map.of("OUT_OF_HOURS.rota", AnswerValue.of(Choice.FREQ_NONE_WITH_INTENT),
                        "OUT_OF_HOURS.out_of_hours_fee", AnswerValue.of(Choice.OOH_FEE_3))));
        assertThat(saved.indicators().get("OUT_OF_HOURS.rota").choice()).isEqualTo(Choice.FREQ_NONE_WITH_INTENT);
        // stored and read back (the longest choice name fits its column)
        assertThat(rounds.round(id).answer(RoleCode.OUT_OF_HOURS).indicators().get("OUT_OF_HOURS.rota").choice())
                .isEqualTo(Choice.FREQ_NONE_WITH_INTENT);
        // 60 % of level 2/4 + 40 % of the mean of 0.25 and 0.6
        assertThat(saved.score()).isEqualTo((int) Math.round(100 * (0.6 * 0.5 + 0.4 * (0.25 + 0.6) / 2)));
    }

    @Autowired
    AssessmentRoundRepository oldRounds;

    @Autowired
    java.time.Clock clock;

    private AssessmentRound roundOn(int version, long facilityId) {
        AssessmentRound round = new AssessmentRound(facilityId, version, null, editor, clock.instant());
        questionnaires.version(version).roles().forEach(q -> round.addAnswer(q.roleCode()));
        return round;
    }

    private AssessmentRound versionOneRound(long facilityId) {
        AssessmentRound round = new AssessmentRound(facilityId, 1, null, editor, clock.instant());
        questionnaires.version(1).roles().forEach(q -> round.addAnswer(q.roleCode()));
        return round;
    }

    private void answerAll(RoundView round, int level, Choice yes) {
        // the indicators the round's facility is asked (version 3 asks a clinic other ones than an association)
        for (RoleQuestion q : rounds.questionnaire(round.summary().id()).roles()) {
            Map<String, AnswerValue> values = new LinkedHashMap<>();
            for (Indicator i : q.indicators()) {
                values.put(i.code(), switch (i.type()) {
                    case YES_NO -> AnswerValue.of(yes);
                    case NUMBER -> AnswerValue.of(BigDecimal.valueOf(i.min() == null ? 0 : i.min()));
                    default -> AnswerValue.of(Choice.of(i.type()).getLast());
                });
            }
            long version = rounds.round(round.summary().id()).answer(q.roleCode()).version();
            rounds.saveRoleAnswer(round.summary().id(), q.roleCode(), version, new RoleAnswerInput(level, false, null, values));
        }
    }
}
