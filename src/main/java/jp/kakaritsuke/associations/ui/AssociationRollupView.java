package jp.kakaritsuke.associations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.domain.RoundNotice;
import jp.kakaritsuke.associations.service.AssociationRoundService;
import jp.kakaritsuke.associations.service.MemberImportService;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.ComponentI18n;
import jp.kakaritsuke.base.ui.Grids;
import jp.kakaritsuke.base.ui.StackedBarChart;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.caselibrary.service.CaseLabels;

/**
 * An association's rollup: completeness, levels per role (stacked bars and a table), coverage by municipality with the
 * gaps marked, the consenting members (each opens its profile), and beside it the survey answers and published cases
 * of the same prefecture. Every number comes suppressed from the service where it could identify a member.
 */
@Route("associations/rollup")
@PermitAll
class AssociationRollupView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DateTimeFormatter day;
    private final DateTimeFormatter time;

    private final RollupService rollups;
    private final MemberImportService imports;
    private final AssociationRoundService associationRounds;
    // built afresh on every render (after an import too), so columns are never added twice
    Grid<AssociationRoundService.RoundCompleteness> roundsGrid;
    TextField roundName;
    DatePicker roundDeadline;
    private final CaseLibrary library;
    MemberImportPanel importPanel;
    Rollup rollup;
    StackedBarChart levels;
    Grid<Rollup.RoleRollup> roleTable;
    Grid<Rollup.MunicipalityRollup> coverage;
    Grid<Rollup.MemberRow> members;

    AssociationRollupView(RollupService rollups, MemberImportService imports,
                          AssociationRoundService associationRounds,
                          CaseLibraryService caseLibrary, Clock clock) {
        this.day = TimeFormat.DAY.in(clock);
        this.time = TimeFormat.MINUTE.in(clock);
        this.rollups = rollups;
        this.imports = imports;
        this.associationRounds = associationRounds;
        this.library = caseLibrary.library();
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long associationId) {
        render(associationId);
    }

    /** The whole page from a fresh rollup; the import panel survives, so invitation codes shown once stay visible. */
    void render(long associationId) {
        RollupService.Overview overview = rollups.overview(associationId);
        rollup = overview.rollup();
        removeAll();
        roundsGrid = new Grid<>();
        roundName = new TextField();
        roundDeadline = new DatePicker();
        levels = new StackedBarChart();
        roleTable = new Grid<>();
        coverage = new Grid<>();
        members = new Grid<>();

        Span memberCount = new Span(getTranslation("rollup.members", rollup.members()));
        HorizontalLayout completeness = new HorizontalLayout(memberCount,
                badge(getTranslation("rollup.submitted", rollup.completeness().submitted().display())),
                badge(getTranslation("rollup.inProgress", rollup.completeness().inProgress().display())),
                badge(getTranslation("rollup.notStarted", rollup.completeness().notStarted().display())));
        Paragraph suppression = new Paragraph(getTranslation("rollup.suppressionNote", Cell.MIN_FACILITIES));
        suppression.addClassName("hint");
        Anchor workbook = new Anchor("api/v1/associations/" + rollup.associationId() + "/rollup.xlsx", getTranslation("rollup.download"));
        workbook.getElement().setAttribute("download", true);
        var staff = new RouterLink(getTranslation("association.staffLink"), AssociationStaffView.class,
                rollup.associationId());
        // issue 12: the members' preparation of the yearly かかりつけ医機能報告
        var readiness = new RouterLink(getTranslation("readiness.link"), ReportReadinessView.class, rollup.associationId());
        HorizontalLayout links = new HorizontalLayout(workbook, staff, readiness);
        links.setWrap(true);
        add(new H2(rollup.associationName()), completeness, suppression, links);

        // rounds this association opened for its members, with who has submitted since
        roundsGrid.addColumn(r -> r.round().name()).setHeader(getTranslation("associationRound.name"));
        roundsGrid.addColumn(r -> r.round().deadline().toString()).setHeader(getTranslation("associationRound.deadline"));
        // a round counts submissions since it opened; the header counts the latest, whenever: labelled apart
        roundsGrid.addColumn(r -> r.completeness().submitted().display()).setHeader(getTranslation("associationRound.submitted"));
        roundsGrid.addColumn(r -> r.completeness().inProgress().display()).setHeader(getTranslation("associationRound.inProgress"));
        roundsGrid.addColumn(r -> r.completeness().notStarted().display()).setHeader(getTranslation("associationRound.notStarted"));
        roundsGrid.addColumn(r -> r.notRegistered().display()).setHeader(getTranslation("associationRound.notRegistered"));
        // issue 13: how many members the round's mails reached (suppressed like the counts beside them)
        roundsGrid.addColumn(r -> r.notices().notified().display()).setHeader(getTranslation("roundNotice.notified"));
        roundsGrid.addColumn(r -> r.notices().reminded().display()).setHeader(getTranslation("roundNotice.reminded"));
        roundsGrid.setAllRowsVisible(true);
        // a click on a round shows where the answers are missing: per municipality, then consenting members by name
        roundsGrid.setItemDetailsRenderer(new ComponentRenderer<>(this::roundDetails));
        roundsGrid.setDetailsVisibleOnClick(true);
        roundsGrid.setItems(overview.rounds());
        roundName.setLabel(getTranslation("associationRound.name"));
        roundName.setPlaceholder(getTranslation("associationRound.namePlaceholder"));
        roundName.setMaxLength(100);
        roundDeadline.setLabel(getTranslation("associationRound.deadline"));
        ComponentI18n.datePicker(roundDeadline);
        Button open = new Button(
                getTranslation("associationRound.open"), e -> openRound(associationId));
        HorizontalLayout roundForm = new HorizontalLayout(roundName, roundDeadline, open);
        roundForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph roundsHint = new Paragraph(getTranslation("associationRound.countHint"));
        roundsHint.addClassName("hint");
        add(new H3(getTranslation("associationRound.title")), roundsHint, roundsGrid, roundForm);

        // levels per role
        List<StackedBarChart.Series> series = new ArrayList<>();
        for (int level = 0; level <= 4; level++) {
            List<Integer> values = new ArrayList<>();
            for (Rollup.RoleRollup r : rollup.roles()) {
                values.add(r.levels().get(level).value());
            }
            series.add(new StackedBarChart.Series(getTranslation("rollup.levelSeries", level), values));
        }
        levels.setData(rollup.roles().stream().map(r -> roleName(r.roleCode())).toList(), series);
        levels.setAriaLabel(getTranslation("rollup.levelsChartLabel"));
        roleTable.addColumn(r -> roleName(r.roleCode())).setHeader(getTranslation("report.col.role")).setAutoWidth(true)
                .setFlexGrow(0).setFrozen(true);
        for (int level = 0; level <= 4; level++) {
            int l = level;
            roleTable.addColumn(r -> r.levels().get(l).display()).setHeader(getTranslation("rollup.levelSeries", l));
        }
        roleTable.addColumn(r -> r.atLeastThree().display()).setHeader(getTranslation("rollup.atLeastThree"));
        roleTable.addColumn(r -> r.priority().display()).setHeader(getTranslation("rollup.priority"));
        roleTable.addColumn(r -> r.improved().display()).setHeader(getTranslation("rollup.improved"));
        roleTable.addColumn(r -> r.declined().display()).setHeader(getTranslation("rollup.declined"));
        roleTable.addColumn(r -> r.newlyPrioritised().display()).setHeader(getTranslation("rollup.newlyPrioritised"));
        roleTable.addColumn(r -> r.priorityDropped().display()).setHeader(getTranslation("rollup.priorityDropped"));
        roleTable.setItems(rollup.roles());
        roleTable.setAllRowsVisible(true);
        roleTable.addThemeVariants(GridVariant.LUMO_COMPACT);
        // suppressed cells have no length to draw: say so, or a short bar reads as fewer members
        Paragraph chartHint = new Paragraph(getTranslation("rollup.levelsChartHint"));
        chartHint.addClassName("hint");
        add(new H3(getTranslation("rollup.levelsTitle")), levels, chartHint, roleTable);

        // coverage by municipality: members at level >= 3 per role; 0 (with enough members) is a gap
        coverage.addColumn(Rollup.MunicipalityRollup::municipality).setHeader(getTranslation("facility.municipality"))
                .setWidth("8rem").setFlexGrow(0).setFrozen(true);
        coverage.addColumn(m -> m.facilities().display()).setHeader(getTranslation("rollup.facilities")).setWidth("5rem").setFlexGrow(0);
        for (RoleCode role : RoleCode.values()) {
            coverage.addColumn(m -> m.coverage().get(role).display())
                    .setHeader(roleName(role)).setWidth("6rem").setFlexGrow(0)
                    .setPartNameGenerator(m -> m.gaps().contains(role) ? "gap" : null);
        }
        coverage.setItems(rollup.municipalities());
        Grids.fitRows(coverage, rollup.municipalities().size());
        coverage.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        coverage.addClassName("coverage-grid");
        Paragraph gapsHint = new Paragraph(getTranslation("rollup.gapsHint"));
        gapsHint.addClassName("hint");
        add(new H3(getTranslation("rollup.coverageTitle")), gapsHint, coverage);

        // consenting members only
        this.members.addColumn(Rollup.MemberRow::name).setHeader(getTranslation("facility.name")).setFlexGrow(2);
        this.members.addColumn(Rollup.MemberRow::municipality).setHeader(getTranslation("facility.municipality"));
        this.members.addColumn(m -> getTranslation("rollupStatus." + m.status().name())).setHeader(getTranslation("assessment.col.status"));
        this.members.addColumn(m -> m.lastSubmitted() == null ? "" : day.format(m.lastSubmitted())).setHeader(getTranslation("assessment.col.submitted"))
                .setAutoWidth(true).setFlexGrow(0); // a date is never cut: the others give way
        this.members.setItems(rollup.identifiedMembers());
        Grids.fitRows(this.members, rollup.identifiedMembers().size());
        this.members.addItemClickListener(e -> {
            if (e.getItem().lastRoundId() != null) {
                getUI().ifPresent(ui -> ui.navigate("assessment/profile/" + e.getItem().lastRoundId()));
            }
        });
        Paragraph membersHint = new Paragraph(getTranslation("rollup.membersHint"));
        membersHint.addClassName("hint");
        add(new H3(getTranslation("rollup.membersTitle")), membersHint, this.members);

        // the prefecture's own context from the 事例集
        Div context = new Div();
        context.addClassName("prefecture-context");
        library.cases().stream().filter(c -> c.prefecture().equals(rollup.prefecture())).forEach(c ->
                context.add(new Div(new Anchor("cases/" + c.number(), CaseLabels.source(getLocale(), c.source()) + " " + c.name()))));
        library.surveyAnswersBy(rollup.prefecture()).forEach(a -> {
            Paragraph p = new Paragraph(getTranslation("survey.answerNumber", a.questionNumber(), a.number()) + " " + a.text());
            p.addClassName("answer-text");
            context.add(p);
        });
        if (context.getChildren().findAny().isEmpty()) {
            context.add(new Paragraph(getTranslation("rollup.noContext")));
        }
        add(new H3(getTranslation("rollup.contextTitle", rollup.prefecture())), context);

        // a fresh rollup after an import: the new members count at once
        if (importPanel == null || importPanel.associationId() != associationId) {
            importPanel = new MemberImportPanel(imports, associationId, time, () -> render(associationId));
        }
        add(importPanel);
    }

    /** Where a round's answers are missing: per municipality, then the consenting members by name (grids: a prefecture has thousands). */
    Div roundDetails(AssociationRoundService.RoundCompleteness round) {
        Div details = new Div();
        details.addClassName("round-details");
        Grid<AssociationRoundService.MunicipalityCompleteness> byMunicipality = new Grid<>();
        byMunicipality.addColumn(AssociationRoundService.MunicipalityCompleteness::municipality)
                .setHeader(getTranslation("facility.municipality"));
        byMunicipality.addColumn(AssociationRoundService.MunicipalityCompleteness::members).setHeader(getTranslation("rollup.facilities"));
        byMunicipality.addColumn(m -> m.completeness().submitted().display()).setHeader(getTranslation("associationRound.submitted"));
        byMunicipality.addColumn(m -> m.completeness().inProgress().display()).setHeader(getTranslation("associationRound.inProgress"));
        byMunicipality.addColumn(m -> m.completeness().notStarted().display()).setHeader(getTranslation("associationRound.notStarted"));
        byMunicipality.addColumn(m -> m.notRegistered().display()).setHeader(getTranslation("associationRound.notRegistered"));
        byMunicipality.addColumn(m -> m.notices().notified().display()).setHeader(getTranslation("roundNotice.notified"));
        byMunicipality.addColumn(m -> m.notices().notifiedNoAddress().display()).setHeader(getTranslation("roundNotice.notifiedNoAddress"));
        byMunicipality.addColumn(m -> m.notices().reminded().display()).setHeader(getTranslation("roundNotice.reminded"));
        byMunicipality.addColumn(m -> m.notices().remindedNoAddress().display()).setHeader(getTranslation("roundNotice.remindedNoAddress"));
        byMunicipality.addThemeVariants(GridVariant.LUMO_COMPACT);
        byMunicipality.setItems(round.municipalities());
        Grids.fitRows(byMunicipality, round.municipalities().size());
        // who is told what, and when the reminders go out
        Paragraph noticeHint = new Paragraph(getTranslation("roundNotice.hint",
                java.time.temporal.ChronoUnit.DAYS.between(round.remindFrom(), round.round().deadline()),
                round.remindFrom().toString()));
        noticeHint.addClassName("hint");
        details.add(noticeHint, byMunicipality);
        if (!round.identifiedMembers().isEmpty()) {
            Grid<AssociationRoundService.MemberProgress> identified = new Grid<>();
            identified.addColumn(AssociationRoundService.MemberProgress::name).setHeader(getTranslation("facility.name")).setFlexGrow(2);
            identified.addColumn(AssociationRoundService.MemberProgress::municipality).setHeader(getTranslation("facility.municipality"));
            identified.addColumn(m -> getTranslation("rollupStatus." + m.progress().name())).setHeader(getTranslation("assessment.col.status"));
            identified.addColumn(m -> notice(m.opened())).setHeader(getTranslation("roundNotice.opened"));
            identified.addColumn(m -> notice(m.reminder())).setHeader(getTranslation("roundNotice.reminder"));
            identified.addThemeVariants(GridVariant.LUMO_COMPACT);
            identified.setItems(round.identifiedMembers());
            Grids.fitRows(identified, round.identifiedMembers().size());
            details.add(new H3(getTranslation("associationRound.membersTitle")), identified);
        }
        return details;
    }

    /** A member's notice as the grid shows it: when and to how many editors, 「宛先なし」, or a dash when none. */
    String notice(RoundNotice notice) {
        if (notice == null) {
            return getTranslation("roundNotice.none");
        }
        String at = time.format(notice.sentAt());
        return notice.noAddress() ? getTranslation("roundNotice.noAddressAt", at)
                : getTranslation("roundNotice.sentAt", at, notice.recipients());
    }

    /** Opens the round (its notices are queued with it); every problem at once, and no red left after success. */
    void openRound(long associationId) {
        roundName.setInvalid(false);
        roundDeadline.setInvalid(false);
        try {
            String name = roundName.getValue();
            associationRounds.open(associationId, name, roundDeadline.getValue());
            roundName.clear();
            roundDeadline.clear();
            roundName.setInvalid(false);
            roundDeadline.setInvalid(false);
            roundsGrid.setItems(associationRounds.rounds(associationId));
            Notification.show(getTranslation("roundNotice.openedSuccess", name.strip()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            for (String key : e.messageKeys()) {
                if (key.startsWith("associationRound.error.name")) {
                    if (!roundName.isInvalid()) {
                        roundName.setInvalid(true);
                        roundName.setErrorMessage(getTranslation(key));
                    }
                } else if (!roundDeadline.isInvalid()) {
                    roundDeadline.setInvalid(true);
                    roundDeadline.setErrorMessage(getTranslation(key));
                }
            }
        }
    }

    private Span badge(String text) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge");
        return s;
    }

    private String roleName(RoleCode code) {
        return library.roleName(code, getLocale());
    }

    @Override
    public String getPageTitle() {
        return (rollup == null ? "" : rollup.associationName() + " | ") + getTranslation("app.title");
    }
}
