package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundSummary;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityService;

/** The facility's assessment home: continue or start a round, and the history of rounds. */
@Route("assessment")
@PermitAll
class AssessmentHomeView extends VerticalLayout implements HasDynamicTitle {

    private final DateTimeFormatter time;

    private final RoundService rounds;
    private final FacilityAccess access;
    private final jp.kakaritsuke.associations.service.AssociationRoundService associationRounds;
    private final ActionPlanExtension plans;

    AssessmentHomeView(RoundService rounds, FacilityService facilities, FacilityAccess access,
                       jp.kakaritsuke.associations.service.AssociationRoundService associationRounds, Clock clock,
                       ActionPlanExtension plans) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.plans = plans;
        this.rounds = rounds;
        this.access = access;
        this.associationRounds = associationRounds;
        setMaxWidth("72rem");
        add(new H2(getTranslation("assessment.home.title")));
        Anchor blankSheet = new Anchor("api/v1/questionnaires/current/blank.xlsx", getTranslation("report.blank.download"));
        blankSheet.getElement().setAttribute("download", true); // a file from the API (same session), not a route
        add(blankSheet);
        List<FacilityProfile> mine = facilities.visibleFacilities();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("assessment.home.noFacility")));
        }
        mine.forEach(f -> add(facilityCard(f)));
    }

    private Div facilityCard(FacilityProfile f) {
        Div card = new Div();
        card.addClassName("facility-card");
        boolean editor = access.currentUser().admin() || access.roleIn(f.id()).filter(r -> r == MemberRole.EDITOR).isPresent();
        card.add(new H3(f.name()));
        Span meta = new Span(getTranslation("facilityType." + f.type().name()) + " · " + f.prefecture()
                + (f.municipality() == null ? "" : f.municipality()));
        meta.addClassName("hint");
        card.add(meta);
        // rounds opened by the facility's associations: what is asked of it, and by when
        Instant lastSubmitted = rounds.rounds(f.id()).stream().map(RoundSummary::submittedAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        for (var round : associationRounds.openRoundsFor(f.id())) {
            boolean done = lastSubmitted != null && !lastSubmitted.isBefore(round.openedAt());
            Paragraph notice = new Paragraph(getTranslation(done ? "associationRound.noticeDone" : "associationRound.notice",
                    round.associationName(), round.name(), round.deadline().toString()));
            notice.addClassName(done ? "round-notice-done" : "round-notice");
            card.add(notice);
        }

        HorizontalLayout actions = new HorizontalLayout();
        var draft = rounds.draft(f.id());
        if (draft.isPresent()) {
            Button resume = new Button(getTranslation(editor ? "assessment.home.resume" : "assessment.home.viewDraft"),
                    e -> navigate(draft.get().id()));
            resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(resume);
        } else if (editor) {
            // only a facility with a submitted round has answers to carry over; a new one is not promised any
            Button start = new Button(getTranslation(lastSubmitted != null ? "quick.start.carryOver" : "quick.start.first"),
                    e -> navigate(rounds.startRound(f.id()).summary().id()));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(start);
        }
        actions.add(new Anchor("facility/" + f.id(), getTranslation("assessment.home.members")));
        actions.add(new Anchor("report-preparation?facility=" + f.id(), getTranslation("prep.home.link"))); // issue 12 C
        card.add(actions);

        Grid<RoundSummary> history = new Grid<>();
        history.addColumn(r -> getTranslation("roundStatus." + r.status().name())).setHeader(getTranslation("assessment.col.status"));
        history.addColumn(r -> format(r.startedAt())).setHeader(getTranslation("assessment.col.started"))
                .setAutoWidth(true).setFlexGrow(0); // a date is never cut: the others give way
        history.addColumn(r -> format(r.submittedAt())).setHeader(getTranslation("assessment.col.submitted"))
                .setAutoWidth(true).setFlexGrow(0); // a date is never cut: the others give way
        history.addColumn(r -> r.submittedBy() == null ? "" : r.submittedBy()).setHeader(getTranslation("assessment.col.submittedBy"));
        history.addColumn(r -> getTranslation("assessment.col.versionValue", r.questionnaireVersion()))
                .setHeader(getTranslation("assessment.col.version"));
        history.setAllRowsVisible(true);
        history.setItems(rounds.rounds(f.id()));
        history.addItemClickListener(e -> {
            if (e.getItem().status() == RoundStatus.SUBMITTED) {
                getUI().ifPresent(ui -> ui.navigate(RoleProfileView.class, e.getItem().id()));
            } else {
                navigate(e.getItem().id());
            }
        });
        card.add(new H3(getTranslation("assessment.home.history")), history);
        card.add(plans.plan(f.id(), null).panel()); // hides itself from anyone outside the facility
        return card;
    }

    private void navigate(long roundId) {
        getUI().ifPresent(ui -> ui.navigate(QuestionnaireView.class, roundId));
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("assessment.home.title") + " | " + getTranslation("app.title");
    }
}
