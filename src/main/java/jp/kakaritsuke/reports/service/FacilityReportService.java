package jp.kakaritsuke.reports.service;

import io.micrometer.core.annotation.Timed;
import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleProfile;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.xlsx.ReportSheet;
import jp.kakaritsuke.base.xlsx.ReportWorkbook;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.domain.ScoringModel;
import jp.kakaritsuke.scoring.service.ReasonTexts;
import jp.kakaritsuke.scoring.service.RecommendationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The board report of a submitted round (.xlsx): cover, summary with a native radar chart, recommendations, answers.
 * Readable by every member of the facility (editors and viewers) and administrators; the assessment service checks.
 */
@Service
public class FacilityReportService {

    /** The default peer group's comparison below the summary's table (issue 15); a field like the plan's hook. */
    @org.springframework.beans.factory.annotation.Autowired
    private PeerSummary peerSummary;

    private final DateTimeFormatter time;
    private final DateTimeFormatter fileDay;

    private final RoundService rounds;
    private final RoleProfileService profiles;
    private final QuestionnaireService questionnaires;
    private final FacilityService facilities;
    private final RecommendationService recommendations;
    private final ReasonTexts reasonTexts;
    private final CaseLibraryService caseLibrary;
    private final UserAccountService accounts;
    private final Clock clock;
    /** Set by Spring; a field rather than a constructor argument to keep the action plan's hook to three lines. */
    @org.springframework.beans.factory.annotation.Autowired
    private ActionPlanSheet actionPlanSheet;
    /** The 「推移」 sheet (issue 15); a field like the action plan's, to keep its hook to one line. */
    @org.springframework.beans.factory.annotation.Autowired
    private TrendSheet trendSheet;

    public FacilityReportService(RoundService rounds, RoleProfileService profiles, QuestionnaireService questionnaires,
                                 FacilityService facilities, RecommendationService recommendations,
                                 ReasonTexts reasonTexts, CaseLibraryService caseLibrary, UserAccountService accounts,
                                 Clock clock) {
        this.accounts = accounts;
        this.rounds = rounds;
        this.profiles = profiles;
        this.questionnaires = questionnaires;
        this.facilities = facilities;
        this.recommendations = recommendations;
        this.reasonTexts = reasonTexts;
        this.caseLibrary = caseLibrary;
        this.clock = clock;
        this.time = TimeFormat.MINUTE.in(clock);
        this.fileDay = TimeFormat.FILE_DAY.in(clock);
    }

    /** A file name like 20261125_さくら在宅クリニック_自己評価.xlsx. */
    @PreAuthorize("isAuthenticated()")
    public String fileName(long roundId, Locale locale) {
        RoundView round = rounds.round(roundId);
        Instant when = round.summary().submittedAt() != null ? round.summary().submittedAt() : round.summary().startedAt();
        String name = round.summary().facilityName().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        return fileDay.format(when) + "_" + name + "_" + AppI18NProvider.bundle(locale).getString("report.fileSuffix") + ".xlsx";
    }

    @PreAuthorize("isAuthenticated()")
    @Timed(value = "kkf.report.workbook", extraTags = {"report", "board"}, description = "Workbooks written (docs/operations.md)")
    public void write(long roundId, Locale locale, OutputStream out) throws IOException {
        RoundView round = rounds.round(roundId);
        if (round.summary().status() != RoundStatus.SUBMITTED) {
            throw new InvalidInputException(List.of("report.error.notSubmitted"));
        }
        RoleProfile profile = profiles.reportProfile(roundId); // records a read by an outsider
        FacilityProfile facility = facilities.get(round.summary().facilityId());
        // the indicators this facility was asked (version 3 asks associations other ones than clinics)
        Questionnaire questionnaire = rounds.questionnaire(roundId);
        Recommendation recommendation = recommendations.recommend(profiles.scoringProfile(roundId));
        CaseLibrary library = caseLibrary.library();
        Texts t = new Texts(AppI18NProvider.bundle(locale), locale);
        try (ReportWorkbook book = ReportWorkbook.inMemory()) {
            String pages = t.get("report.pageFooter");
            cover(book.sheet(t.get("report.sheet.cover"), false).headerFooter(facility.name(), pages), t, round, facility, questionnaire);
            summary(book.sheet(t.get("report.sheet.summary"), true).headerFooter(facility.name(), pages), t, profile,
                    recommendation, library);
            recommendations(book.sheet(t.get("report.sheet.recommendations"), true).headerFooter(facility.name(), pages), t,
                    recommendation, library);
            answers(book.sheet(t.get("report.sheet.answers"), true).headerFooter(facility.name(), pages), t, round,
                    questionnaire, library);
            trendSheet.addTo(book, roundId, profile.scores().stream().map(RoleScore::roleCode).toList(), t.locale, facility.name(), pages);
            actionPlanSheet.addTo(book, facility.id(), t.locale, facility.name(), pages);
            book.write(out);
        }
    }

    /**
     * For the board: who, what and when, in their words. No internal round number and no login ID (the submitter by
     * the name they gave, or not at all), and the scoring rule in one sentence instead of a pointer to our docs.
     */
    private void cover(ReportSheet s, Texts t, RoundView round, FacilityProfile f, Questionnaire q) {
        s.title(t.get("report.title")).blank()
                .field(t.get("report.facility"), f.name())
                .field(t.get("report.facilityType"), t.get("facilityType." + f.type().name()))
                .field(t.get("report.location"), f.prefecture() + (f.municipality() == null ? "" : f.municipality()))
                .field(t.get("report.started"), time.format(round.summary().startedAt()))
                .field(t.get("report.submitted"), time.format(round.summary().submittedAt()));
        accounts.displayNameOf(round.summary().submittedBy())
                .ifPresent(name -> s.field(t.get("report.submittedBy"), name));
        s.field(t.get("report.questionnaire"), t.format("report.questionnaireValue", q.version(), q.title(t.locale)))
                .field(t.get("report.generated"), time.format(clock.instant()))
                .blank()
                .field(t.get("report.source"), t.get("report.sourceText"))
                .field(t.get("report.scoring"), t.get("report.scoringText"))
                .fitColumns(2);
    }

    private void summary(ReportSheet s, Texts t, RoleProfile profile, Recommendation rec, CaseLibrary library) {
        CaseStudy similar = rec.similarCases().isEmpty() ? null : library.caseStudy(rec.similarCases().getFirst().number()).orElse(null);
        String similarLabel = similar == null ? "" : t.format("report.similarSeries", caseLabel(t, similar.source()));
        s.title(t.format("report.summaryTitle", profile.round().facilityName()));
        int headerRow = s.nextRow();
        s.header(true, t.get("report.col.role"), t.get("report.col.level"), t.get("report.col.score"),
                t.get("report.col.previous"), t.get("report.col.change"), t.get("report.col.priority"), similarLabel);
        int first = s.nextRow();
        for (RoleScore score : profile.scores()) {
            Integer caseMark = similar == null ? null : similar.roleMarks().stream()
                    .filter(m -> m.roleCode() == score.roleCode()).findFirst()
                    .map(m -> (int) Math.round(m.derived() ? 100 * ScoringModel.DERIVED_ROLE_WEIGHT : 100)).orElse(0);
            s.row(library.roleName(score.roleCode(), t.locale), score.level(), score.score(), score.previousScore(),
                    score.change(), score.priority() ? t.get("report.priorityMark") : "", caseMark);
        }
        int last = s.nextRow() - 1;
        s.fitColumns(7);
        List<Integer> columns = new ArrayList<>(List.of(2));
        List<String> names = new ArrayList<>(List.of(t.get("report.series.current")));
        if (profile.previous() != null) {
            columns.add(3);
            names.add(t.get("report.series.previous"));
        }
        if (similar != null) {
            columns.add(6);
            names.add(similarLabel);
        }
        s.radarChart(t.get("report.chartTitle"), 0, columns, names, first, last, 8, headerRow, 9, 24);
        peerSummary.addTo(s, profile.round().id(), t.locale);
    }

    private void recommendations(ReportSheet s, Texts t, Recommendation rec, CaseLibrary library) {
        s.title(t.get("report.similarCases"));
        s.header(true, t.get("report.col.rank"), t.get("report.col.case"), t.get("report.col.name"),
                t.get("report.col.similarity"), t.get("report.col.reasons"));
        int rank = 1;
        for (var c : rec.similarCases().subList(0, Math.min(10, rec.similarCases().size()))) {
            s.row(rank++, caseLabel(t, library.caseStudy(c.number()).orElseThrow().source()), c.name(),
                    new ReportSheet.Percent(c.similarity()),
                    String.join(t.get("reason.listSeparator"), reasonTexts.render(c.reasons(), t.locale)));
        }
        s.blank().title(t.get("report.practices"));
        // the groups in the page's and the API's order: per priority role, then per weak role (docs/scoring.md)
        s.header(false, t.get("recommendation.report.col.group"), t.get("report.col.practice"),
                t.get("recommendation.report.col.summary"), t.get("recommendation.report.col.summarySource"),
                t.get("recommendation.report.col.why"), t.get("report.col.source"));
        for (var g : rec.groups()) {
            String group = t.format("recommendation.groupHeading." + g.kind().name(), library.roleName(g.roleCode(), t.locale),
                    g.level());
            if (g.practices().isEmpty()) {
                s.row(group, t.get("recommendation.report.noPractice"), "", "", "", "");
            }
            for (var p : g.practices()) {
                String source = caseLabel(t, new SourceReference(p.caseNumber(), p.practiceNumber()));
                s.row(group, p.title(), p.summary(),
                        p.summaryDerived() ? t.get("recommendation.report.summaryDerived") : source,
                        reasonTexts.render(p.why(), t.locale), source);
            }
        }
        s.fitColumns(6);
    }

    private void answers(ReportSheet s, Texts t, RoundView round, Questionnaire q, CaseLibrary library) {
        s.title(t.get("report.answersTitle"));
        s.header(true, t.get("report.col.role"), t.get("report.col.item"), t.get("report.col.answer"),
                t.get("report.col.unit"), t.get("report.col.reference"));
        for (RoleQuestion rq : q.roles()) {
            RoleAnswerView a = round.answer(rq.roleCode());
            String role = library.roleName(rq.roleCode(), t.locale);
            s.row(role, t.get("report.item.level"), a.level() == null ? "" : a.level() + ": " + rq.levelAnchor(a.level(), t.locale));
            for (Indicator i : rq.indicators()) {
                AnswerValue v = a.indicators().get(i.code());
                // a count stays a number cell (it can be summed and charted); its unit goes beside it
                Object answer = v == null ? t.get("report.unanswered")
                        : v.number() != null ? v.number()
                        : t.get("choice." + v.choice().name());
                String unit = v != null && v.number() != null && i.unit(t.locale) != null ? i.unit(t.locale) : "";
                String reference = (i.sourceCase() == null ? "" : caseLabel(t, new SourceReference(i.sourceCase(), i.sourcePractice())))
                        + (!i.asksReportItem() ? "" : " / " + t.format("report.reportItem", i.reportItemJa()));
                s.row(role, i.label(t.locale), answer, unit, reference);
            }
            s.row(role, t.get("report.item.priority"), a.priority() ? t.get("report.yes") : t.get("report.no"));
            if (a.note() != null) {
                s.row(role, t.get("report.item.note"), a.note());
            }
        }
        s.fitColumns(5);
    }

    private static String caseLabel(Texts t, SourceReference ref) {
        String c = ref.isReferenceCase() ? t.format("source.reference", ref.bareCaseNumber()) : t.format("source.case", ref.caseNumber());
        return ref.practiceNumber() == null ? c : t.format("source.practice", c, SourceReference.circled(ref.practiceNumber()));
    }

    private record Texts(ResourceBundle bundle, Locale locale) {
        String get(String key) {
            return bundle.getString(key);
        }

        String format(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        }
    }
}
