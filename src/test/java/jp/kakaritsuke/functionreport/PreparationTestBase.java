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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The preparation against the database, with a hand-built edition ({@link TestEditions}: the contract's fixed codes,
 * so these tests do not move when the edition data grows) and a scripted self-assessment port. One Spring context for
 * the service and the API tests. The same rules against the real edition and the real self-assessment:
 * {@code PrefillTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class PreparationTestBase {

    @Autowired
    ReportPreparationService service;

    @Autowired
    PreparationSummaryRepository summaries;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FacilityService facilities;

    @Autowired
    AssociationAdminService associations;

    @Autowired
    ApplicationEvents events;

    @MockitoBean
    ReportEditionService editions;

    @MockitoBean
    SelfAssessmentAnswers selfAssessment;

    int year;
    ReportEdition thisYear;
    ReportEdition lastYear;
    FacilityProfile clinic;
    String editor;

    @BeforeEach
    void setUp() {
        Fixtures.asAdmin();
        year = service.currentReportYear();
        thisYear = TestEditions.edition(year);
        lastYear = TestEditions.edition(year - 1);
        editionsAre(lastYear, thisYear);
        clinic = fixtures.facility(FacilityKind.CLINIC);
        editor = fixtures.member(clinic, MemberRole.EDITOR);
    }

    void editionsAre(ReportEdition previous, ReportEdition current) {
        when(editions.forReportYear(anyInt())).thenAnswer(i -> (int) i.getArgument(0) >= current.year() ? current : previous);
        when(editions.edition(anyInt())).thenAnswer(i -> {
            int y = i.getArgument(0);
            return y == current.year() ? Optional.of(current) : y == previous.year() ? Optional.of(previous) : Optional.empty();
        });
        when(editions.current()).thenReturn(current);
        when(editions.years()).thenReturn(List.of(previous.year(), current.year()));
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    static Map<String, AnswerInput> answers(Object... codeAndInput) {
        Map<String, AnswerInput> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAndInput.length; i += 2) {
            m.put((String) codeAndInput[i], (AnswerInput) codeAndInput[i + 1]);
        }
        return m;
    }

    static Map<String, AnswerInput> meetingNo1() {
        return answers("NO1.POSTING", AnswerInput.choice(1), "NO1.PRIMARY_CARE_AREAS", AnswerInput.choice(3),
                "NO1.CONSULTATION", AnswerInput.choice(1));
    }

}
