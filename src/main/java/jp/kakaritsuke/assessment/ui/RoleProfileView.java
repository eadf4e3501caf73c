package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.scoring.domain.Recommendation;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.service.CaseLabels;
import jp.kakaritsuke.scoring.domain.ScoringModel;
import jp.kakaritsuke.scoring.service.RecommendationService;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension.PracticeToPlan;
import jp.kakaritsuke.base.ui.extension.PeerExtension;
import jp.kakaritsuke.base.ui.extension.RecommendationExtension;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleProfile;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.RoleRadarChart;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;

/**
 * The role profile of a round: a radar chart of the 14 role scores over the previous round, and the same numbers as a
 * table (for those who prefer numbers, and for screen readers).
 */
@Route("assessment/profile")
@PermitAll
class RoleProfileView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final RoleProfileService profiles;
    private final RecommendationService recommendations;
    private final CaseLibrary library;
    final RoleRadarChart chart = new RoleRadarChart();
    final Grid<RoleScore> table = new Grid<>();
    RoleProfile profile;
    /** The scoring module's similar cases and practices (extension point); null until a submitted round is shown. */
    com.vaadin.flow.component.Component recommendationPanel;
    /** 「行動計画に追加」 on each recommended practice; null = no button (not an editor). */
    Consumer<PracticeToPlan> addToPlan;
    Grid.Column<RoleScore> previousColumn;
    Grid.Column<RoleScore> changeColumn;
    static final int PHONE_PX = 600;
    private final QuestionnaireService questionnaires;
    private final ActionPlanExtension plans;
    private final RecommendationExtension<Recommendation> recommendationPanels;
    private final PeerExtension peers;
    private List<RoleRadarChart.Series> baseSeries;

    private final jp.kakaritsuke.functionreport.service.ReportEditionService editions;
    private final jp.kakaritsuke.facility.service.FacilityService facilities;
    private final jp.kakaritsuke.facility.service.FacilityAccess access;
    /** The report's functions each role relates to (null until shown; hidden when the edition has no links). */
    CrosswalkPanel crosswalk;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;
    /** 「これまでの推移」 (submitted rounds only; null until shown). */
    TrendSection trend;

    RoleProfileView(RoleProfileService profiles, RecommendationService recommendations,
                    RecommendationExtension<Recommendation> recommendationPanels, CaseLibraryService caseLibrary,
                    QuestionnaireService questionnaires, ActionPlanExtension plans,
                    jp.kakaritsuke.functionreport.service.ReportEditionService editions,
                    jp.kakaritsuke.facility.service.FacilityService facilities,
                    jp.kakaritsuke.facility.service.FacilityAccess access, PeerExtension peers, Clock clock) {
        this.peers = peers;
        this.editions = editions;
        this.time = TimeFormat.MINUTE.in(clock);
        this.day = TimeFormat.DAY.in(clock);
        this.facilities = facilities;
        this.access = access;
        this.profiles = profiles;
        this.plans = plans;
        this.questionnaires = questionnaires;
        this.recommendations = recommendations;
        this.recommendationPanels = recommendationPanels;
        this.library = caseLibrary.library();
        setMaxWidth("72rem");
    }

    @Override
    public void setParameter(BeforeEvent event, Long roundId) {
        profile = profiles.profile(roundId);
        removeAll();
        String when = profile.round().submittedAt() == null
                ? getTranslation("roundStatus." + profile.round().status().name())
                : time.format(profile.round().submittedAt());
        add(new H2(getTranslation("profile.title", profile.round().facilityName())),
                new Paragraph(getTranslation("profile.subtitle", when, profile.round().questionnaireVersion())));

        List<RoleRadarChart.Axis> axes = profile.scores().stream()
                .map(s -> new RoleRadarChart.Axis(roleName(s.roleCode()), 100)).toList();
        List<RoleRadarChart.Series> series = new ArrayList<>();
        series.add(new RoleRadarChart.Series(getTranslation("profile.series.current"),
                profile.scores().stream().map(s -> s.score() == null ? 0.0 : s.score().doubleValue()).toList(),
                RoleRadarChart.SeriesKind.CURRENT));
        if (profile.previous() != null) {
            series.add(new RoleRadarChart.Series(getTranslation("profile.series.previous",
                    profile.previous().submittedAt() == null ? "" : time.format(profile.previous().submittedAt())),
                    profile.scores().stream().map(s -> s.previousScore() == null ? 0.0 : s.previousScore().doubleValue()).toList(),
                    RoleRadarChart.SeriesKind.PREVIOUS));
        }
        baseSeries = List.copyOf(series);
        chart.setData(axes, series);
        chart.setAriaLabel(getTranslation("profile.chartLabel"));

        // headers and role names wrap, the number columns stay narrow: the table fits a phone without sideways scrolling
        table.removeAllColumns();
        table.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        table.addClassName("role-score-table");
        table.addColumn(s -> roleName(s.roleCode())).setHeader(wrapping(getTranslation("review.role")))
                .setFlexGrow(3).setWidth("7rem");
        table.addColumn(s -> s.level() == null ? "" : String.valueOf(s.level())).setHeader(wrapping(getTranslation("review.level")))
                .setFlexGrow(0).setWidth("4.5rem");
        table.addColumn(s -> s.score() == null ? "" : String.valueOf(s.score())).setHeader(wrapping(getTranslation("review.score")))
                .setFlexGrow(0).setWidth("4.5rem");
        previousColumn = table.addColumn(s -> s.previousScore() == null ? "" : String.valueOf(s.previousScore()))
                .setHeader(wrapping(getTranslation("profile.previousScore"))).setFlexGrow(0).setWidth("5rem");
        changeColumn = table.addColumn(s -> s.change() == null ? "" : (s.change() > 0 ? "+" : "") + s.change())
                .setHeader(wrapping(getTranslation("profile.change"))).setFlexGrow(0).setWidth("4.5rem");
        table.addColumn(s -> s.priority() ? getTranslation("review.priorityMark") : "").setHeader(wrapping(getTranslation("review.priority")))
                .setFlexGrow(0).setWidth("4.5rem");
        table.setItems(profile.scores());
        table.setAllRowsVisible(true);
        table.setWidthFull();
        // on a phone the previous score and the change fold away (the radar shows the previous round)
        addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(client -> phoneColumns(client.getWindowInnerWidth())));

        Button back = new Button(getTranslation("profile.back"), e -> getUI().ifPresent(ui -> ui.navigate(AssessmentHomeView.class)));
        Button answers = new Button(getTranslation("profile.answers"),
                e -> getUI().ifPresent(ui -> ui.navigate(QuestionnaireView.class, profile.round().id())));
        HorizontalLayout actions = new HorizontalLayout(back, answers);
        actions.setWrap(true);
        actions.addClassName("profile-actions");
        if (profile.round().status() == RoundStatus.SUBMITTED) {
            // the same authorised endpoint API clients use; the browser sends the session cookie
            Anchor report = new Anchor("api/v1/assessments/" + profile.round().id() + "/report.xlsx",
                    getTranslation("profile.downloadReport"));
            report.getElement().setAttribute("download", true);
            report.addClassName("report-download");
            actions.add(report);
        }
        add(chart, new H3(getTranslation("profile.table")), table, detailNote(), actions);
        crosswalk = new CrosswalkPanel(currentEdition(), profile.scores().stream().map(RoleScore::roleCode).toList(),
                this::roleName, preparationHref(profile.round().facilityId()));
        add(crosswalk);

        long facilityId = profile.round().facilityId();
        // the plan is the facility's own: the panel hides itself from a consenting association, and only editors add
        ActionPlanExtension.PlanOnPage plan = plans.plan(facilityId, profile.round().id());
        addToPlan = plan.addToPlan();
        if (profile.round().status() == RoundStatus.SUBMITTED) {
            // "how do we compare?" (peers module), then "how do we move?" (the trend, issue 15 stream B)
            add(peers.panel(profile.round().id()));
            trend = new TrendSection(profiles, profile.round().id(), profile.scores(), library, day);
            add(trend);
            Questionnaire questionnaire = questionnaires.version(profile.round().questionnaireVersion());
            recommendationPanel = recommendationPanels.panel(recommendations.recommend(profiles.scoringProfile(profile.round().id())),
                    number -> overlay(number == null ? null : library.caseStudy(number).orElseThrow()),
                    role -> nextLevelAnchor(questionnaire, RoleCode.of(role)), addToPlan);
            add(recommendationPanel);
        }
        add(plan.panel());
    }

    /**
     * Which roles were answered in detail (indicators), and what that means for the scores: under version 2's rule a
     * role without detail scores on its level alone, so the reader must know which scores rest on facts.
     */
    Paragraph detailNote() {
        List<String> detailed = profile.scores().stream().filter(RoleScore::detailed).map(s -> roleName(s.roleCode())).toList();
        boolean levelAlone = questionnaires.version(profile.round().questionnaireVersion()).scoringRule()
                == jp.kakaritsuke.assessment.domain.ScoringRule.LEVEL_AND_ANSWERED_INDICATORS;
        String text = detailed.isEmpty()
                ? getTranslation(levelAlone ? "profile.detail.none" : "profile.detail.noneV1")
                : getTranslation(levelAlone ? "profile.detail.some" : "profile.detail.someV1",
                        String.join(getTranslation("reason.listSeparator"), detailed));
        Paragraph p = new Paragraph(text);
        p.addClassName("hint");
        p.addClassName("detail-note");
        return p;
    }

    /**
     * The edition whose crosswalk is shown; null when none is published yet (or the editions are not available): the
     * result page must work without it.
     */
    private jp.kakaritsuke.functionreport.domain.ReportEdition currentEdition() {
        try {
            return editions.current();
        } catch (RuntimeException none) {
            return null;
        }
    }

    /**
     * The 報告準備 page of the facility, for its own people and only if it files the report (clinics and hospitals,
     * not associations) and the page exists in this build; null otherwise.
     */
    String preparationHref(long facilityId) {
        if (!access.allows(facilityId, jp.kakaritsuke.facility.service.FacilityScope.INTERNALS)
                || facilities.get(facilityId).type() == jp.kakaritsuke.base.FacilityKind.ASSOCIATION) {
            return null;
        }
        // the page takes the facility as ?facility=ID (without it, the user's own facility)
        return com.vaadin.flow.router.RouteConfiguration.forApplicationScope().getRoute(PREPARATION_ROUTE).isPresent()
                ? PREPARATION_ROUTE + "?facility=" + facilityId : null;
    }

    /** The route of the report preparation page (functionreport.ui.ReportPreparationView). */
    static final String PREPARATION_ROUTE = "report-preparation";

    /** Phone widths show role, level, score and priority only. */
    void phoneColumns(int windowWidth) {
        boolean phone = windowWidth < PHONE_PX;
        previousColumn.setVisible(!phone);
        changeColumn.setVisible(!phone);
    }

    /** The anchor sentence of the level after the facility's current one in this round's questionnaire; null at 4. */
    String nextLevelAnchor(Questionnaire questionnaire, RoleCode roleCode) {
        Integer level = profile.scores().stream().filter(s -> s.roleCode() == roleCode).findFirst()
                .map(RoleScore::level).orElse(null);
        int next = (level == null ? 0 : level) + 1;
        if (next > RoleQuestion.MAX_LEVEL) {
            return null;
        }
        return questionnaire.role(roleCode).map(q -> q.levelAnchor(next, getLocale())).orElse(null);
    }

    private static Span wrapping(String text) {
        Span header = new Span(text);
        header.addClassName("wrapping-header");
        return header;
    }

    /**
     * Shows a case's roles over the facility's scores: a ● as 100, a derived tag as 60; null removes the case again
     * (the panel's toggle overlays one case at a time).
     */
    void overlay(CaseStudy c) {
        List<RoleRadarChart.Series> series = new ArrayList<>(baseSeries);
        if (c == null) {
            chart.setSeries(series);
            return;
        }
        series.add(new RoleRadarChart.Series(getTranslation("profile.series.case", CaseLabels.source(getLocale(), c.source())),
                profile.scores().stream().map(s -> c.roleMarks().stream().filter(m -> m.roleCode() == s.roleCode())
                        .findFirst().map(m -> m.derived() ? 100 * ScoringModel.DERIVED_ROLE_WEIGHT : 100.0).orElse(0.0)).toList(),
                RoleRadarChart.SeriesKind.CASE));
        chart.setSeries(series);
    }

    private String roleName(RoleCode code) {
        return library.roleName(code, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.pageTitle") + " | " + getTranslation("app.title");
    }
}
