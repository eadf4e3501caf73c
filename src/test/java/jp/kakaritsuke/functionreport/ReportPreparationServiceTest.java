package jp.kakaritsuke.functionreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PreparationSummary;
import jp.kakaritsuke.functionreport.domain.PreparationSummaryRepository;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.service.AnswerInput;
import jp.kakaritsuke.functionreport.service.PreparationView;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers;
import jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers.Submission;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The preparation service: start, carry-over, pre-fill, save, conflicts, submit, reopen, who may do what. */
class ReportPreparationServiceTest extends PreparationTestBase {

    @Test
    void theReportYearIsTheSeasonAheadFromAprilAndTheSeasonUnderWayUntilMarch() {
        assertThat(ReportPreparationService.reportYearOn(LocalDate.of(2026, 12, 1))).isEqualTo(2027);
        assertThat(ReportPreparationService.reportYearOn(LocalDate.of(2026, 4, 1))).isEqualTo(2027);
        assertThat(ReportPreparationService.reportYearOn(LocalDate.of(2027, 3, 31))).isEqualTo(2027);
        assertThat(ReportPreparationService.reportYearOn(LocalDate.of(2027, 1, 1))).isEqualTo(2027);
    }

    @Test
    void aYearNotStartedReadsAsEmptyWithVersionZero() {
        PreparationView v = service.view(clinic.id(), year);
        assertThat(v.started()).isFalse();
        assertThat(v.version()).isZero();
        assertThat(v.answers()).isEmpty();
        assertThat(v.no1().met()).isFalse();
        assertThat(v.canEdit()).isTrue();
        assertThat(v.edition().year()).isEqualTo(year);
    }

    @Test
    void startingTheFirstYearCarriesNothingAndIsOnRecord() {
        PreparationView v = service.start(clinic.id(), year);
        assertThat(v.status()).isEqualTo(PreparationStatus.DRAFT);
        assertThat(v.answers()).isEmpty();
        assertThat(v.carriedFromYear()).isNull();
        assertThat(events.stream(AuditEvent.class).filter(e -> e.action() == AuditAction.PREPARATION_STARTED
                && clinic.id().equals(e.facilityId()))).hasSize(1);
        // starting again answers the same preparation
        assertThat(service.start(clinic.id(), year).id()).isEqualTo(v.id());
    }

    @Test
    void onlyThisYearAndLastYearCanBeStarted() {
        assertThatThrownBy(() -> service.start(clinic.id(), year + 1)).isInstanceOfSatisfying(FieldErrors.class,
                e -> assertThat(e.on("reportYear").orElseThrow().messageKey()).isEqualTo("functionreport.error.year"));
        assertThatThrownBy(() -> service.start(clinic.id(), year - 2)).isInstanceOf(FieldErrors.class);
        assertThat(service.start(clinic.id(), year - 1).reportYear()).isEqualTo(year - 1);
        // before the first edition there is nothing to read
        assertThatThrownBy(() -> service.view(clinic.id(), year - 2)).isInstanceOfSatisfying(FieldErrors.class,
                e -> assertThat(e.on("reportYear").orElseThrow().messageKey()).isEqualTo("functionreport.error.noEdition"));
    }

    @Test
    void savingEntersConfirmsAndMovesTheVersionAndAStaleVersionIsAConflictThatWritesNothing() {
        PreparationView started = service.start(clinic.id(), year);
        PreparationView saved = service.save(clinic.id(), year, started.version(), answers(
                "NO2A.ROTA", AnswerInput.choice(3), "NO1.GP_SPECIALIST", AnswerInput.choice(1),
                "NO1.GP_SPECIALIST_FTE", AnswerInput.number("１．５"),
                "NO2A.PARTNERS", new AnswerInput(null, null, null, List.of("柏中央病院", "柏北クリニック"))));
        assertThat(saved.version()).isGreaterThan(started.version());
        assertThat(saved.answers().get("NO2A.ROTA").choices()).containsExactly(3);
        assertThat(saved.answers().get("NO2A.ROTA").origin()).isEqualTo(AnswerOrigin.ENTERED);
        assertThat(saved.answers().get("NO2A.ROTA").confirmed()).isTrue();
        assertThat(saved.answers().get("NO1.GP_SPECIALIST_FTE").number()).isEqualByComparingTo("1.5");
        assertThat(saved.answers().get("NO2A.PARTNERS").names()).containsExactly("柏中央病院", "柏北クリニック");
        assertThat(saved.functionsProvided()).containsExactly(ReportFunction.NO2_A);

        assertThatThrownBy(() -> service.save(clinic.id(), year, started.version(), answers("NO2A.ROTA", AnswerInput.choice(7))))
                .isInstanceOf(ConflictException.class);
        PreparationView reread = service.view(clinic.id(), year);
        assertThat(reread.answers().get("NO2A.ROTA").choices()).containsExactly(3);
        assertThat(reread.version()).isEqualTo(saved.version());
        // names come back in the order entered, also after a change of order
        PreparationView reordered = service.save(clinic.id(), year, reread.version(),
                answers("NO2A.PARTNERS", new AnswerInput(null, null, null, List.of("柏北クリニック", "柏中央病院", "我孫子病院"))));
        assertThat(service.view(clinic.id(), year).answers().get("NO2A.PARTNERS").names())
                .containsExactly("柏北クリニック", "柏中央病院", "我孫子病院");
        assertThat(reordered.version()).isGreaterThan(reread.version());
    }

    @Test
    void savingIntoAYearNotStartedStartsIt() {
        PreparationView saved = service.save(clinic.id(), year, 0, answers("NO2A.ROTA", AnswerInput.choice(2)));
        assertThat(saved.started()).isTrue();
        assertThat(saved.answers().get("NO2A.ROTA").choices()).containsExactly(2);
    }

    @Test
    void refusedAnswersStoreNothingOfTheRequest() {
        PreparationView v = service.start(clinic.id(), year);
        assertThatThrownBy(() -> service.save(clinic.id(), year, v.version(), answers(
                "NO2A.ROTA", AnswerInput.choice(3), "NO1.PRIMARY_CARE_AREAS", new AnswerInput(List.of(0, 5), null, null, null))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("NO1.PRIMARY_CARE_AREAS"));
        PreparationView after = service.view(clinic.id(), year);
        assertThat(after.answers()).isEmpty();
        assertThat(after.version()).isEqualTo(v.version());
    }

    @Test
    void emptyInputClearsAndTakingTheControllingChoiceAwayClearsTheDependentAnswer() {
        PreparationView v = service.save(clinic.id(), year, 0, answers("NO1.GP_SPECIALIST", AnswerInput.choice(1),
                "NO1.GP_SPECIALIST_FTE", AnswerInput.number("2"), "NO2A.NOTES", new AnswerInput(null, null, "特記", null)));
        v = service.save(clinic.id(), year, v.version(), answers("NO2A.NOTES", new AnswerInput(null, null, "", null)));
        assertThat(v.answers()).doesNotContainKey("NO2A.NOTES").containsKey("NO1.GP_SPECIALIST_FTE");
        v = service.save(clinic.id(), year, v.version(), answers("NO1.GP_SPECIALIST", AnswerInput.choice(0)));
        assertThat(v.answers()).doesNotContainKey("NO1.GP_SPECIALIST_FTE");
        assertThat(service.view(clinic.id(), year).answers()).doesNotContainKey("NO1.GP_SPECIALIST_FTE");
    }

    @Test
    void lastYearsAnswersAreCarriedUnconfirmedWhileTheNewEditionStillAsksThem() {
        // last year: submitted, with answers the new edition partly no longer accepts
        PreparationView last = service.save(clinic.id(), year - 1, 0, answers("NO2A.ROTA", AnswerInput.choice(7),
                "NO2B.REFERRED_OUTPATIENTS", AnswerInput.choice(2), "NO2C.PARTNERS",
                new AnswerInput(null, null, null, List.of("柏在宅クリニック")), "NO1.POSTING", AnswerInput.choice(1)));
        service.submit(clinic.id(), year - 1, last.version());
        // this year's edition: 在宅当番医制 lost its choice 7, 紹介患者 is gone
        editionsAre(lastYear, TestEditions.edition(year, i -> i.code().equals("NO2B.REFERRED_OUTPATIENTS") ? null
                : i.code().equals("NO2A.ROTA") ? TestEditions.withChoices(i, i.choices().subList(0, 7)) : i));

        PreparationView v = service.start(clinic.id(), year);
        assertThat(v.carriedFromYear()).isEqualTo(year - 1);
        assertThat(v.answers()).containsOnlyKeys("NO2C.PARTNERS", "NO1.POSTING");
        assertThat(v.answers().get("NO2C.PARTNERS").origin()).isEqualTo(AnswerOrigin.CARRIED);
        assertThat(v.answers().get("NO2C.PARTNERS").confirmed()).isFalse();
        assertThat(v.answers().get("NO2C.PARTNERS").names()).containsExactly("柏在宅クリニック");
        assertThat(v.unconfirmed()).containsExactly("NO1.POSTING", "NO2C.PARTNERS");
        // last year's preparation is untouched
        assertThat(service.view(clinic.id(), year - 1).status()).isEqualTo(PreparationStatus.SUBMITTED);
    }

    @Test
    void aVersion3SelfAssessmentPrefillsOnlyItsSameQuestionItemsAndSaysFromWhat() {
        // answered in the report season itself: its 前年 is the report's 前年
        Instant submitted = Instant.parse(year + "-01-20T03:00:00Z");
        when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(1, 3, submitted,
                Map.of("OUT_OF_HOURS.rota", "FREQ_2_3", "CARE_WELFARE.opinion_letter", "UNKNOWN", "HOME_CARE.visits", "PROVIDED"),
                Map.of())));
        PreparationView v = service.start(clinic.id(), year);
        assertThat(v.answers()).containsOnlyKeys("NO2A.ROTA"); // 不明 maps to nothing; HOME_CARE has no rule
        assertThat(v.answers().get("NO2A.ROTA").choices()).containsExactly(4);
        assertThat(v.answers().get("NO2A.ROTA").origin()).isEqualTo(AnswerOrigin.PREFILLED);
        assertThat(v.answers().get("NO2A.ROTA").confirmed()).isFalse();
        assertThat(v.prefilledFrom().get("NO2A.ROTA")).isEqualTo("自己評価 " + year + "-01-20 提出 / 在宅当番医制");
        assertThat(v.unconfirmed()).containsExactly("NO2A.ROTA");
    }

    @Test
    void aSelfAssessmentAnsweredBeforeTheSeasonSaysThatItsAnswerCoversAnotherPeriod() {
        // answered in November: its 前年 is the year before the one the coming report asks about
        when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(1, 3,
                Instant.parse((year - 1) + "-11-20T03:00:00Z"), Map.of("OUT_OF_HOURS.rota", "FREQ_1"), Map.of())));
        PreparationView v = service.start(clinic.id(), year);
        assertThat(v.answers().get("NO2A.ROTA").origin()).isEqualTo(AnswerOrigin.PREFILLED);
        assertThat(v.prefilledFrom().get("NO2A.ROTA")).isEqualTo("自己評価 " + (year - 1) + "-11-20 提出（自己評価の前年は "
                + (year - 2) + "-01-01〜" + (year - 2) + "-12-31、この報告の前年は " + (year - 1) + "-01-01〜" + (year - 1)
                + "-12-31） / 在宅当番医制");
    }

    @Test
    void theCoveredPeriodCountsFromTheDayAnswered() {
        assertThat(ReportPreparationService.coveredOn(jp.kakaritsuke.functionreport.domain.ItemPeriod.PREVIOUS_FISCAL_YEAR,
                LocalDate.of(2026, 11, 20))).isEqualTo(new jp.kakaritsuke.functionreport.domain.ItemPeriod.Range(
                LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)));
        assertThat(ReportPreparationService.coveredOn(jp.kakaritsuke.functionreport.domain.ItemPeriod.PREVIOUS_FISCAL_YEAR,
                LocalDate.of(2027, 2, 1))).isEqualTo(jp.kakaritsuke.functionreport.domain.ItemPeriod.PREVIOUS_FISCAL_YEAR.range(2027));
        assertThat(ReportPreparationService.coveredOn(jp.kakaritsuke.functionreport.domain.ItemPeriod.PREVIOUS_CALENDAR_YEAR,
                LocalDate.of(2027, 2, 1))).isEqualTo(jp.kakaritsuke.functionreport.domain.ItemPeriod.PREVIOUS_CALENDAR_YEAR.range(2027));
    }

    @Test
    void aSelfAssessmentOfAnotherQuestionnaireVersionPrefillsNothing() {
        for (int version : new int[] {1, 2}) {
            FacilityProfile other = fixtures.facility(FacilityKind.CLINIC);
            fixtures.member(other, MemberRole.EDITOR);
            when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(1, version, Instant.now(),
                    Map.of("OUT_OF_HOURS.rota", "FREQ_2_3", "CARE_WELFARE.opinion_letter", "PROVIDED"), Map.of())));
            assertThat(service.start(other.id(), year).answers()).as("version %d", version).isEmpty();
        }
    }

    @Test
    void theNewerFactWinsBetweenLastYearsAnswerAndTheSelfAssessment() {
        PreparationView last = service.save(clinic.id(), year - 1, 0, answers("NO2A.ROTA", AnswerInput.choice(7),
                "NO2D.OPINION_LETTER", AnswerInput.choice(0)));
        last = service.submit(clinic.id(), year - 1, last.version());
        Instant reportSubmitted = last.submittedAt();
        // a self-assessment submitted after last year's report: its answer wins
        when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(1, 3,
                reportSubmitted.plus(1, ChronoUnit.DAYS), Map.of("OUT_OF_HOURS.rota", "FREQ_1"), Map.of())));
        PreparationView v = service.start(clinic.id(), year);
        assertThat(v.answers().get("NO2A.ROTA").choices()).containsExactly(3);
        assertThat(v.answers().get("NO2A.ROTA").origin()).isEqualTo(AnswerOrigin.PREFILLED);
        assertThat(v.answers().get("NO2D.OPINION_LETTER").origin()).isEqualTo(AnswerOrigin.CARRIED);

        // another clinic whose self-assessment is older than its last report: last year's answer stays
        FacilityProfile other = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(other, MemberRole.EDITOR);
        PreparationView otherLast = service.save(other.id(), year - 1, 0, answers("NO2A.ROTA", AnswerInput.choice(7)));
        otherLast = service.submit(other.id(), year - 1, otherLast.version());
        when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(2, 3,
                otherLast.submittedAt().minus(30, ChronoUnit.DAYS), Map.of("OUT_OF_HOURS.rota", "FREQ_1"), Map.of())));
        PreparationView o = service.start(other.id(), year);
        assertThat(o.answers().get("NO2A.ROTA").choices()).containsExactly(7);
        assertThat(o.answers().get("NO2A.ROTA").origin()).isEqualTo(AnswerOrigin.CARRIED);
    }

    @Test
    void submitIsRefusedWhileAnswersAreUnconfirmedThenReadOnlyUntilReopened() {
        when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(1, 3, Instant.now(),
                Map.of("OUT_OF_HOURS.rota", "FREQ_1", "CARE_WELFARE.opinion_letter", "PROVIDED"), Map.of())));
        PreparationView v = service.start(clinic.id(), year);
        long version = v.version();
        assertThatThrownBy(() -> service.submit(clinic.id(), year, version)).isInstanceOfSatisfying(FieldErrors.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("NO2A.ROTA", "NO2D.OPINION_LETTER"));
        v = service.confirm(clinic.id(), year, v.version(), List.of("NO2A.ROTA"));
        assertThat(v.answers().get("NO2A.ROTA").confirmed()).isTrue();
        assertThat(v.answers().get("NO2A.ROTA").origin()).isEqualTo(AnswerOrigin.PREFILLED); // confirmed as it was
        assertThat(v.unconfirmed()).containsExactly("NO2D.OPINION_LETTER");
        v = service.save(clinic.id(), year, v.version(), answers("NO2D.OPINION_LETTER", AnswerInput.choice(1)));
        assertThat(v.unconfirmed()).isEmpty();
        assertThat(v.prefilledFrom()).containsOnlyKeys("NO2A.ROTA");

        v = service.submit(clinic.id(), year, v.version());
        assertThat(v.status()).isEqualTo(PreparationStatus.SUBMITTED);
        assertThat(v.submittedBy()).isEqualTo(editor);
        assertThat(v.canEdit()).isFalse();
        long submittedVersion = v.version();
        assertThatThrownBy(() -> service.save(clinic.id(), year, submittedVersion, answers("NO2A.ROTA", AnswerInput.choice(0))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.on("status")).isPresent());
        assertThatThrownBy(() -> service.submit(clinic.id(), year, submittedVersion)).isInstanceOf(FieldErrors.class);

        v = service.reopen(clinic.id(), year, submittedVersion);
        assertThat(v.status()).isEqualTo(PreparationStatus.DRAFT);
        assertThat(v.canEdit()).isTrue();
        long reopenedVersion = v.version();
        assertThatThrownBy(() -> service.reopen(clinic.id(), year, reopenedVersion)).isInstanceOfSatisfying(FieldErrors.class,
                e -> assertThat(e.on("status").orElseThrow().messageKey()).isEqualTo("functionreport.error.notSubmitted"));
        assertThat(events.stream(AuditEvent.class).filter(e -> clinic.id().equals(e.facilityId())).map(AuditEvent::action))
                .contains(AuditAction.PREPARATION_STARTED, AuditAction.PREPARATION_SUBMITTED, AuditAction.PREPARATION_REOPENED);
        assertThat(service.history(clinic.id())).singleElement().satisfies(h -> {
            assertThat(h.reportYear()).isEqualTo(year);
            assertThat(h.status()).isEqualTo(PreparationStatus.DRAFT);
            assertThat(h.submittedAt()).isNotNull();
        });
    }

    @Test
    void theStoredFirstFunctionFlagAndTheAssociationSummaryCountOnlyConfirmedAnswers() {
        when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(1, 3, Instant.now(),
                Map.of("OUT_OF_HOURS.rota", "FREQ_1"), Map.of())));
        PreparationView v = service.save(clinic.id(), year, 0, meetingNo1());
        assertThat(v.no1().met()).isTrue();
        Fixtures.anonymous(); // the repository is called by the associations module after its own checks
        PreparationSummary s = summaries.summaries(List.of(clinic.id(), 987654321L), year).getFirst();
        assertThat(s.no1Met()).isTrue();
        assertThat(s.status()).isEqualTo(PreparationStatus.DRAFT);
        assertThat(s.choices()).containsOnlyKeys("NO1.POSTING", "NO1.PRIMARY_CARE_AREAS", "NO1.CONSULTATION");
        assertThat(summaries.summaries(List.of(clinic.id()), year + 5)).isEmpty();
        assertThat(summaries.summaries(List.of(), year)).isEmpty();

        Fixtures.as(editor);
        v = service.save(clinic.id(), year, v.version(), answers("NO1.CONSULTATION", AnswerInput.choice(0),
                "NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("12")));
        assertThat(v.no1().missing()).containsExactly("NO1.CONSULTATION");
        s = summaries.summaries(List.of(clinic.id()), year).getFirst();
        assertThat(s.no1Met()).isFalse();
        assertThat(s.numbers()).containsOnlyKeys("NO2A.AFTER_HOURS_CLAIMS");
        assertThat(s.numbers().get("NO2A.AFTER_HOURS_CLAIMS")).isEqualByComparingTo(new BigDecimal("12"));
        service.confirm(clinic.id(), year, v.version(), List.of("NO2A.ROTA"));
        assertThat(summaries.summaries(List.of(clinic.id()), year).getFirst().choices().get("NO2A.ROTA")).containsExactly(3);
    }

    @Test
    void associationsDoNotReport() {
        FacilityProfile office = fixtures.facility(FacilityKind.ASSOCIATION);
        fixtures.member(office, MemberRole.EDITOR);
        assertThatThrownBy(() -> service.start(office.id(), year)).isInstanceOfSatisfying(FieldErrors.class,
                e -> assertThat(e.on("facility").orElseThrow().messageKey()).isEqualTo("functionreport.error.association"));
        assertThatThrownBy(() -> service.view(office.id(), year)).isInstanceOf(FieldErrors.class);
        assertThat(service.canEdit(office.id())).isFalse();
        assertThat(service.history(office.id())).isEmpty();
    }

    @Test
    void viewersReadButDoNotChangeOutsidersAndTheConsentingAssociationFindNothing() {
        PreparationView v = service.save(clinic.id(), year, 0, answers("NO2A.ROTA", AnswerInput.choice(3)));
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        assertThat(service.view(clinic.id(), year).answers()).containsKey("NO2A.ROTA");
        assertThat(service.view(clinic.id(), year).canEdit()).isFalse();
        assertThat(service.canEdit(clinic.id())).isFalse();
        assertThat(service.history(clinic.id())).hasSize(1);
        assertThatThrownBy(() -> service.save(clinic.id(), year, v.version(), answers("NO2A.ROTA", AnswerInput.choice(0))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.submit(clinic.id(), year, v.version())).isInstanceOf(AccessDeniedException.class);

        fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        assertThatThrownBy(() -> service.view(clinic.id(), year)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.history(clinic.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.save(clinic.id(), year, v.version(), Map.of())).isInstanceOf(NotFoundException.class);
        assertThat(service.canEdit(clinic.id())).isFalse();

        // the association the clinic consented to sees its submitted results, never the preparation
        Fixtures.asAdmin();
        long association = associations.create("報告準備テスト医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        associations.addFacility(association, clinic.id());
        Fixtures.as(editor);
        facilities.setConsent(clinic.id(), true);
        fixtures.associationAdmin(association);
        assertThat(facilities.get(clinic.id()).id()).isEqualTo(clinic.id()); // the grant is in force
        assertThatThrownBy(() -> service.view(clinic.id(), year)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.history(clinic.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.start(clinic.id(), year)).isInstanceOf(NotFoundException.class);
        Fixtures.as(viewer);
        assertThat(service.view(clinic.id(), year).version()).isEqualTo(v.version());
    }
}
