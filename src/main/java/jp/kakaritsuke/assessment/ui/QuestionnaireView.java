package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.QuestionnaireStep;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.domain.AnswerChange;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.ConcurrentEditException;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.assessment.service.SubmitIncompleteException;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.UrlParameters;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension;
import jp.kakaritsuke.base.ui.extension.ProfileForm;
import jp.kakaritsuke.base.ui.extension.ProfileFormExtension;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityService;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The questionnaire of one round, rendered by the steps of the round's own questionnaire version: version 2's quick
 * path is two screens of compact role cards (ROLES_1, ROLES_2) and the review; an old version-1 draft keeps its six
 * steps with BASICS. Every change is saved at once (a closed tab or a restart loses nothing); what the service refuses
 * stays on screen, marked, and is listed on the review. Every step opens at its top; {@code #role-CODE} opens the
 * role's step scrolled to the role. Read-only for viewers and submitted rounds.
 */
@Route("assessment/round")
@PermitAll
class QuestionnaireView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DateTimeFormatter time;
    static final String ROLE_ANCHOR = "role-";

    private final RoundService rounds;
    private final SubmissionService submissions;
    private final FacilityService facilities;
    private final FacilityAccess access;
    private final CaseLibrary library;
    private final Clock clock;

    private RoundView round;
    private Questionnaire questionnaire;
    private boolean editable;
    private int step = 1;
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Span saveStatus = new Span();
    final HorizontalLayout stepNav = new HorizontalLayout();
    final Div content = new Div();
    /** Every role card made so far, kept across steps so that refused input is not lost by going elsewhere. */
    final Map<RoleCode, RoleEditor> editors = new LinkedHashMap<>();
    /** Slot at the top of a reassessment's review: the follow-up of the action plan's open actions. */
    final Div followUp = new Div();
    /** The review's list of what is missing, unconfirmed or not saved: one link per item. */
    final Div problems = new Div();
    /** The facility's basic data (the facility module's form), while a step or dialog shows it. */
    ProfileForm<FacilityProfile> basics;
    Button submit;
    Dialog warning;

    /** The report edition whose crosswalk the role cards show; null when none is published (the cards work without). */
    private jp.kakaritsuke.functionreport.domain.ReportEdition edition;
    private final jp.kakaritsuke.functionreport.service.ReportEditionService editions;
    private final ProfileFormExtension<FacilityProfile> facilityForms;
    private final ActionPlanExtension plans;

    QuestionnaireView(RoundService rounds, SubmissionService submissions, FacilityService facilities,
                      FacilityAccess access, CaseLibraryService caseLibrary, Clock clock,
                      jp.kakaritsuke.functionreport.service.ReportEditionService editions,
                      ProfileFormExtension<FacilityProfile> facilityForms, ActionPlanExtension plans) {
        this.facilityForms = facilityForms;
        this.plans = plans;
        this.editions = editions;
        this.rounds = rounds;
        this.submissions = submissions;
        this.facilities = facilities;
        this.access = access;
        this.library = caseLibrary.library();
        this.clock = clock;
        this.time = TimeFormat.TIME_SECONDS.in(clock);
        setMaxWidth("64rem");
        addClassName("questionnaire-view");
        followUp.addClassName("follow-up");
        followUp.setId("follow-up");
        problems.addClassName("review-problems");
    }

    @Override
    public void setParameter(BeforeEvent event, Long roundId) {
        round = rounds.round(roundId);
        // as the facility is asked it: version 3 shows an association only the indicators of its audience
        questionnaire = rounds.questionnaire(roundId);
        try {
            edition = editions.current();
        } catch (RuntimeException none) {
            edition = null;
        }
        boolean editor = access.currentUser().admin()
                || access.roleIn(round.summary().facilityId()).filter(r -> r == MemberRole.EDITOR).isPresent();
        editable = editor && round.summary().status() == RoundStatus.DRAFT;
        editors.clear();
        // a step past the end or not a number is a broken link: say so instead of guessing a step
        UrlParameters.positiveInt(event.getLocation().getQueryParameters(), "step", reviewStep()).ifPresent(s -> step = s);

        removeAll();
        H2 title = new H2(getTranslation("questionnaire.title", round.summary().facilityName()));
        Span state = new Span(getTranslation("roundStatus." + round.summary().status().name()));
        state.getElement().getThemeList().add(editable ? "badge" : "badge contrast");
        HorizontalLayout titleRow = new HorizontalLayout(title, state);
        titleRow.setWrap(true);
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph intro = new Paragraph(editable ? getTranslation("questionnaire.autosave") : getTranslation("questionnaire.readOnly"));
        intro.addClassName("hint");
        progress.setMin(0);
        progress.setMax(questionnaire.roles().size());
        progressText.addClassName("progress-text");
        saveStatus.addClassName("save-status");
        progress.getElement().setAttribute("aria-label", getTranslation("a11y.progress"));
        HorizontalLayout progressRow = new HorizontalLayout(progress, progressText, saveStatus);
        progressRow.setWidthFull();
        progressRow.setWrap(true);
        progressRow.setAlignItems(FlexComponent.Alignment.CENTER);
        progressRow.expand(progress);
        progressRow.addClassName("progress-row");
        stepNav.setWrap(true);
        stepNav.addClassName("step-nav");
        add(titleRow, intro, progressRow, stepNav, content);
        showStep(step);
        // the fragment never reaches the server: ask the browser for it (navigation and direct load alike)
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().executeJs("return location.hash || ''").then(String.class, this::openFragment);
        }
    }

    /** {@code #role-CODE}: open the role's step, scrolled to the role. */
    void openFragment(String fragment) {
        if (fragment == null || !fragment.startsWith("#" + ROLE_ANCHOR)) {
            return;
        }
        RoleCode.parse(fragment.substring(ROLE_ANCHOR.length() + 1)).ifPresent(roleCode -> {
            int roleStep = stepOf(roleCode);
            if (roleStep > 0) {
                showStep(roleStep, roleCode);
            }
        });
    }

    int reviewStep() {
        return questionnaire.steps().size() + 1;
    }

    /** The step (1-based) that asks for a role, or 0 when no step does. */
    int stepOf(RoleCode roleCode) {
        List<QuestionnaireStep> steps = questionnaire.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).roleCodes().contains(roleCode)) {
                return i + 1;
            }
        }
        return 0;
    }

    void showStep(int number) {
        showStep(number, null);
    }

    /** Shows a step at its top, or scrolled to {@code roleCode}'s card when given. */
    void showStep(int number, RoleCode roleCode) {
        step = Math.max(1, Math.min(number, reviewStep()));
        content.removeAll();
        basics = null;
        submit = null;
        renderStepNav();
        updateProgress();
        H3 heading;
        if (step == reviewStep()) {
            heading = renderReview();
        } else {
            QuestionnaireStep s = questionnaire.steps().get(step - 1);
            heading = new H3(s.title(getLocale()));
            content.add(heading);
            if (s.intro(getLocale()) != null) {
                Paragraph p = new Paragraph(s.intro(getLocale()));
                p.addClassName("hint");
                content.add(p);
            }
            if (s.isBasics()) {
                renderBasics();
            }
            for (RoleCode code : s.roleCodes()) {
                content.add(editor(code));
            }
            Button previous = new Button(getTranslation("questionnaire.previous"), e -> showStep(step - 1));
            previous.setEnabled(step > 1);
            Button next = new Button(getTranslation("questionnaire.next"), e -> next());
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout buttons = new HorizontalLayout(previous, next);
            buttons.addClassName("step-buttons");
            content.add(buttons);
        }
        // a heading that can take the focus: a keyboard user continues on the new step, not on the old button
        heading.getElement().setAttribute("tabindex", "-1");
        heading.addClassName("step-heading");
        String url = "assessment/round/" + round.summary().id() + "?step=" + step + (roleCode == null ? "" : "#" + ROLE_ANCHOR + roleCode.name());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().getHistory().replaceState(null, url);
            scrollTo(ui, roleCode);
        }
    }

    /**
     * Every step opens at its top, or at its role. In Vaadin's AppLayout it is not the window that scrolls but the
     * layout's shadow part {@code content} ({@code overflow: auto}); the window is reset too, for a page without it.
     */
    private static void scrollTo(UI ui, RoleCode roleCode) {
        ui.getPage().executeJs("""
                const id = $0;
                const go = () => {
                  const target = id ? document.getElementById(id) : null;
                  if (target) {
                    target.scrollIntoView({block: 'start'});
                    return;
                  }
                  window.scrollTo(0, 0);
                  if (document.scrollingElement) document.scrollingElement.scrollTop = 0;
                  const layout = document.querySelector('vaadin-app-layout');
                  if (layout) {
                    layout.scrollTop = 0;
                    const part = layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
                    if (part) part.scrollTop = 0;
                  }
                  // the button that was pressed is gone with the old step: continue from the new step's heading
                  const heading = document.querySelector('.step-heading');
                  const focused = document.activeElement;
                  if (heading && (!focused || focused === document.body || !focused.isConnected)) {
                    heading.focus({preventScroll: true});
                  }
                };
                go();
                requestAnimationFrame(go);
                setTimeout(go, 50);""", roleCode == null ? null : ROLE_ANCHOR + roleCode.name());
    }

    /** The role's card, made once per round view and kept (with whatever the user typed) across steps. */
    RoleEditor editor(RoleCode roleCode) {
        return editors.computeIfAbsent(roleCode, code -> {
            RoleEditor editor = new RoleEditor(questionnaire.role(code).orElseThrow(), roleName(code),
                    round.answer(code), editable, this::save, this::confirmUnchanged);
            editor.showCrosswalk(edition);
            return editor;
        });
    }

    /** 次へ: goes on, but first names what on this step is not saved, so nothing is left behind unnoticed. */
    void next() {
        List<String> open = new ArrayList<>();
        if (basics != null && !basics.validateAndShow()) {
            open.add(getTranslation("quick.review.basics"));
        }
        QuestionnaireStep s = questionnaire.steps().get(step - 1);
        for (RoleCode code : s.roleCodes()) {
            RoleEditor e = editors.get(code);
            if (e != null && e.hasUnsavedInput()) {
                open.addAll(problemTexts(e));
            }
        }
        if (open.isEmpty() || !editable) {
            showStep(step + 1);
            return;
        }
        warning = new Dialog();
        warning.setHeaderTitle(getTranslation("quick.warn.title"));
        warning.add(new Paragraph(getTranslation("quick.warn.text")));
        Div list = new Div();
        list.addClassName("warn-list");
        open.forEach(t -> list.add(new Paragraph(t)));
        warning.add(list);
        Button stay = new Button(getTranslation("quick.warn.stay"), e -> warning.close());
        Button goOn = new Button(getTranslation("quick.warn.goOn"), e -> {
            warning.close();
            showStep(step + 1);
        });
        goOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        warning.getFooter().add(stay, goOn);
        warning.open();
    }

    /** What is wrong with a card, one line per refused field (or one line when the save failed for another reason). */
    private List<String> problemTexts(RoleEditor e) {
        if (e.invalid.isEmpty()) {
            return List.of(getTranslation("quick.problem.notSaved", e.roleName));
        }
        List<String> lines = new ArrayList<>();
        e.invalid.forEach((field, message) -> lines.add(getTranslation("quick.problem.invalid", e.roleName, e.fieldLabel(field), message)));
        return lines;
    }

    private void renderStepNav() {
        stepNav.removeAll();
        List<String> labels = new ArrayList<>();
        questionnaire.steps().forEach(s -> labels.add(s.title(getLocale())));
        labels.add(getTranslation("questionnaire.review"));
        for (int i = 0; i < labels.size(); i++) {
            int n = i + 1;
            Button b = new Button(getTranslation("questionnaire.stepLabel", n, labels.get(i)), e -> showStep(n));
            b.addThemeVariants(n == step ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            if (n < reviewStep() && !questionnaire.steps().get(i).roleCodes().isEmpty() && stepComplete(questionnaire.steps().get(i))) {
                b.setIcon(com.vaadin.flow.component.icon.VaadinIcon.CHECK.create());
            }
            stepNav.add(b);
        }
    }

    private boolean stepComplete(QuestionnaireStep s) {
        return s.roleCodes().stream().allMatch(code -> answered(round.answer(code)));
    }

    /** Answered for the progress: a level, and in a reassessment also confirmed. */
    private static boolean answered(RoleAnswerView a) {
        return a.level() != null && a.confirmed();
    }

    private void renderBasics() {
        basics = basicsForm();
        content.add(basics.component());
    }

    private ProfileForm<FacilityProfile> basicsForm() {
        ProfileForm<FacilityProfile> form = facilityForms.create();
        form.setProfile(facilities.get(round.summary().facilityId()));
        form.setReadOnly(!editable);
        form.onChange(profile -> saveBasics(form));
        return form;
    }

    void saveBasics() {
        saveBasics(basics);
    }

    void saveBasics(ProfileForm<FacilityProfile> form) {
        if (!form.validateAndShow()) {
            notSavedNow();
            return;
        }
        try {
            FacilityProfile saved = facilities.updateProfile(form.getProfile());
            form.saved(saved);
            savedNow();
        } catch (InvalidInputException e) {
            form.show(e.messageKeys());
            notSavedNow();
        } catch (OptimisticLockingFailureException e) {
            FacilityProfile mine = form.getProfile();
            FacilityProfile theirs = facilities.get(round.summary().facilityId());
            conflictDialog(getTranslation("questionnaire.conflict.basics"), describe(mine),
                    () -> form.setProfile(theirs),
                    () -> {
                        form.saved(theirs);
                        saveBasics(form);
                    });
        }
    }

    /** Autosave of one role. The user's input is never discarded: a refusal is shown on its fields and kept. */
    void save(RoleEditor editor) {
        RoleAnswerInput input = editor.input();
        try {
            RoleAnswerView saved = rounds.saveRoleAnswer(round.summary().id(), editor.roleCode, editor.version(), input);
            replaceAnswer(saved);
            editor.saved(saved, getTranslation("questionnaire.savedAt", time.format(clock.instant())));
            savedNow();
            updateProgress();
            renderStepNav();
        } catch (ConcurrentEditException e) {
            RoleAnswerView theirs = e.current();
            editor.notSaved(getTranslation("quick.notSaved"));
            conflictDialog(getTranslation("questionnaire.conflict.role", roleName(editor.roleCode), theirs.updatedBy(),
                            theirs.updatedAt() == null ? "" : time.format(theirs.updatedAt())),
                    describe(editor, input),
                    () -> {
                        replaceAnswer(theirs);
                        editor.setAnswer(theirs);
                    },
                    () -> {
                        editor.saved(theirs, "");
                        save(editor);
                    });
        } catch (FieldErrors e) {
            editor.refused(e.errors(), getTranslation("quick.notSaved"));
            notSavedNow();
        } catch (InvalidInputException e) {
            editor.notSaved(getTranslation("quick.notSaved"));
            notSavedNow();
            e.messageKeys().forEach(k -> Notification.show(getTranslation(k)).addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    /** 「変更なし」: last time's answer stands for this round. */
    void confirmUnchanged(RoleEditor editor) {
        try {
            RoleAnswerView confirmed = rounds.confirmUnchanged(round.summary().id(), editor.roleCode, editor.version());
            replaceAnswer(confirmed);
            editor.saved(confirmed, getTranslation("quick.confirmedAt", time.format(clock.instant())));
            savedNow();
            updateProgress();
            renderStepNav();
        } catch (ConcurrentEditException e) {
            // someone else answered meanwhile: show theirs, to be confirmed or changed again
            replaceAnswer(e.current());
            editor.setAnswer(e.current());
            Notification.show(getTranslation("quick.confirmConflict", roleName(editor.roleCode), e.current().updatedBy()))
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    /** Tells the user someone else saved first, shows what they themselves entered, and lets them choose. */
    private void conflictDialog(String message, String yourInput, Runnable takeTheirs, Runnable keepMine) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("questionnaire.conflict.title"));
        Paragraph mine = new Paragraph(yourInput);
        mine.addClassName("conflict-mine");
        dialog.add(new Paragraph(message), new Paragraph(getTranslation("questionnaire.conflict.yours")), mine);
        Button theirs = new Button(getTranslation("questionnaire.conflict.takeTheirs"), e -> {
            takeTheirs.run();
            dialog.close();
        });
        Button keep = new Button(getTranslation("questionnaire.conflict.keepMine"), e -> {
            dialog.close();
            keepMine.run();
        });
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(theirs, keep);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private String describe(RoleEditor editor, RoleAnswerInput input) {
        Locale locale = getLocale();
        StringBuilder s = new StringBuilder();
        s.append(getTranslation("questionnaire.level")).append(": ")
                .append(input.level() == null ? "-" : input.level() + " " + editor.question.levelAnchor(input.level(), locale));
        if (input.note() != null && !input.note().isBlank()) {
            s.append("\n").append(getTranslation("questionnaire.note")).append(": ").append(input.note());
        }
        input.indicators().forEach((code, v) -> {
            if (v != null) {
                s.append("\n").append(questionnaire.indicator(code).map(i -> i.label(locale)).orElse(code)).append(": ")
                        .append(valueText(v));
            }
        });
        return s.toString();
    }

    private String valueText(jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue v) {
        if (v.number() != null) {
            return NumberInput.format(v.number());
        }
        if (v.choice() != null) {
            return getTranslation(RoleEditor.choiceKey(v.choice()));
        }
        return v.text() == null ? "" : v.text();
    }

    private String describe(FacilityProfile p) {
        return p.name() + " / " + p.prefecture() + (p.municipality() == null ? "" : " " + p.municipality());
    }

    /** The review: basics, roles, what changed, what is still open (each a link to its role), then 前へ and 提出する. */
    private H3 renderReview() {
        // fresh from the service: scores and the changes since last time as they now stand
        round = rounds.round(round.summary().id());
        updateProgress();
        boolean reassessment = round.answers().stream().anyMatch(a -> a.previous() != null);
        H3 heading = new H3(getTranslation("questionnaire.review"));
        content.add(heading);
        if (reassessment) {
            // the actions planned last time: done, continued or dropped (hidden when none is open)
            followUp.removeAll();
            followUp.add(plans.followUp(round.summary().facilityId()));
            content.add(followUp);
        }
        content.add(basicsSummary());

        content.add(new H3(getTranslation("quick.review.problems")));
        renderProblems();
        content.add(problems);

        if (reassessment) {
            content.add(new H3(getTranslation("quick.review.changes")));
            content.add(changes());
        }

        content.add(new H3(getTranslation("quick.review.roles")));
        Div roles = new Div();
        roles.addClassName("review-roles");
        for (RoleAnswerView a : round.answers()) {
            roles.add(reviewRow(a));
        }
        content.add(roles);

        Button previous = new Button(getTranslation("questionnaire.previous"), e -> showStep(step - 1));
        HorizontalLayout buttons = new HorizontalLayout(previous);
        buttons.addClassName("step-buttons");
        if (editable) {
            submit = new Button(getTranslation("review.submit"), e -> confirmSubmit());
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setEnabled(round.complete());
            buttons.add(submit);
        }
        content.add(buttons);
        return heading;
    }

    private Div basicsSummary() {
        Div box = new Div();
        box.addClassName("review-basics");
        FacilityProfile p = facilities.get(round.summary().facilityId());
        H3 title = new H3(getTranslation("quick.review.basics"));
        List<String> parts = new ArrayList<>();
        parts.add(p.name());
        if (p.type() != null) {
            parts.add(getTranslation("facilityType." + p.type().name()));
        }
        parts.add(p.prefecture() + (p.municipality() == null ? "" : " " + p.municipality()));
        parts.add(getTranslation("quick.review.beds", p.bedsTotal()));
        if (p.doctorsFullTime() != null || p.doctorsPartTime() != null) {
            parts.add(getTranslation("quick.review.doctors", p.doctorsFullTime() == null ? 0 : p.doctorsFullTime(),
                    p.doctorsPartTime() == null ? 0 : p.doctorsPartTime()));
        }
        Paragraph summary = new Paragraph(String.join(" · ", parts));
        summary.addClassName("basics-summary");
        box.add(title, summary);
        if (editable) {
            Button change = new Button(getTranslation("quick.review.change"), e -> openBasicsDialog());
            change.setAriaLabel(getTranslation("quick.review.changeBasics"));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(change);
        }
        return box;
    }

    /** The facility form in a dialog, saved as it changes; closing it shows the review with the new summary. */
    void openBasicsDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("quick.review.basics"));
        basics = basicsForm();
        dialog.add(basics.component());
        dialog.setWidth("min(48rem, 95vw)");
        Button close = new Button(getTranslation("quick.review.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                showStep(reviewStep());
            }
        });
        dialog.open();
    }

    /** Every unanswered, unconfirmed or refused item, each a link that opens its role's card. */
    void renderProblems() {
        problems.removeAll();
        for (RoleCode code : round.missingLevels()) {
            problems.add(problemLink(code, getTranslation("quick.problem.missingLevel", roleName(code))));
        }
        for (RoleCode code : round.unconfirmed()) {
            problems.add(problemLink(code, getTranslation("quick.problem.unconfirmed", roleName(code))));
        }
        for (RoleEditor e : editors.values()) {
            if (e.hasUnsavedInput()) {
                problemTexts(e).forEach(t -> problems.add(problemLink(e.roleCode, t)));
            }
        }
        if (problems.getComponentCount() == 0) {
            Paragraph none = new Paragraph(getTranslation("quick.review.noProblems"));
            none.addClassName("hint");
            problems.add(none);
        }
    }

    /** A link-styled button (focusable, keeps this view and its unsaved input) that opens the role on its step. */
    private Div problemLink(RoleCode roleCode, String text) {
        Button link = new Button(text, e -> showStep(stepOf(roleCode), roleCode));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        link.addClassName("review-link");
        link.getElement().setAttribute("data-role", roleCode.name());
        Div row = new Div(link);
        row.addClassName("review-problem");
        return row;
    }

    private Div changes() {
        Div box = new Div();
        box.addClassName("review-changes");
        List<AnswerChange> list = round.changes();
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("quick.review.noChanges"));
            none.addClassName("hint");
            box.add(none);
        }
        for (AnswerChange c : list) {
            RoleEditor e = editor(c.roleCode());
            Paragraph p = new Paragraph(getTranslation("quick.review.changeItem", roleName(c.roleCode()), e.fieldLabel(c.field()),
                    changeValue(c.field(), c.before()), changeValue(c.field(), c.after())));
            p.addClassName("review-change");
            box.add(p);
        }
        return box;
    }

    private String changeValue(String field, String value) {
        if (value == null || value.isBlank()) {
            return getTranslation("quick.review.none");
        }
        if ("priority".equals(field)) {
            return getTranslation(Boolean.parseBoolean(value) ? "quick.review.yes" : "quick.review.no");
        }
        try {
            return getTranslation(RoleEditor.choiceKey(jp.kakaritsuke.assessment.domain.Choice.valueOf(value)));
        } catch (IllegalArgumentException notAChoice) {
            return value;
        }
    }

    private Div reviewRow(RoleAnswerView a) {
        Div row = new Div();
        row.addClassName("review-role");
        if (a.level() == null) {
            row.addClassName("missing");
        }
        Button name = new Button(roleName(a.roleCode()), e -> showStep(stepOf(a.roleCode()), a.roleCode()));
        name.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        name.addClassName("review-link");
        name.addClassName("review-role-name");
        row.add(name);
        row.add(cell(a.level() == null ? getTranslation("review.missing") : getTranslation("quick.review.level", a.level()), "review-level"));
        row.add(cell(a.score() == null ? "" : getTranslation("quick.review.score", a.score()), "review-score"));
        row.add(cell(a.priority() ? getTranslation("quick.review.priority") : "", "review-priority"));
        boolean detailed = a.indicators().values().stream().anyMatch(java.util.Objects::nonNull);
        row.add(cell(getTranslation(detailed ? "quick.review.detailed" : "quick.review.notDetailed"), "review-detailed"));
        if (!a.confirmed()) {
            Span mark = new Span(getTranslation("quick.unconfirmed"));
            mark.getElement().getThemeList().add("badge error");
            row.add(mark);
        }
        return row;
    }

    private static Span cell(String text, String className) {
        Span s = new Span(text);
        s.addClassName(className);
        return s;
    }

    private void confirmSubmit() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("review.confirm.title"));
        dialog.add(new Paragraph(getTranslation("review.confirm.text")));
        if (editors.values().stream().anyMatch(RoleEditor::hasUnsavedInput)) {
            Paragraph unsaved = new Paragraph(getTranslation("quick.review.submitUnsaved"));
            unsaved.addClassName("review-missing");
            dialog.add(unsaved);
        }
        Button ok = new Button(getTranslation("review.submit"), e -> {
            dialog.close();
            doSubmit();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("review.confirm.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    void doSubmit() {
        try {
            submissions.submit(round.summary().id());
            Notification.show(getTranslation("review.submitted")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(RoleProfileView.class, round.summary().id()));
        } catch (SubmitIncompleteException e) {
            List<String> names = new ArrayList<>(e.missingRoleCodes().stream().map(this::roleName).toList());
            e.unconfirmedRoleCodes().forEach(code -> names.add(roleName(code)));
            Notification.show(getTranslation("review.missingList", String.join(getTranslation("reason.listSeparator"), names)))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            showStep(reviewStep());
        }
    }

    private void replaceAnswer(RoleAnswerView saved) {
        List<RoleAnswerView> answers = new ArrayList<>(round.answers());
        answers.replaceAll(a -> a.roleCode() == saved.roleCode() ? saved : a);
        round = new RoundView(round.summary(), answers);
    }

    private void updateProgress() {
        long answered = round.answers().stream().filter(QuestionnaireView::answered).count();
        progress.setValue(answered);
        progressText.setText(getTranslation("questionnaire.progress", answered, questionnaire.roles().size()));
    }

    private void savedNow() {
        saveStatus.removeClassName("not-saved");
        saveStatus.setText(getTranslation("questionnaire.savedAt", time.format(clock.instant())));
    }

    private void notSavedNow() {
        saveStatus.addClassName("not-saved");
        saveStatus.setText(getTranslation("quick.notSaved"));
    }

    String roleName(RoleCode code) {
        return library.roleName(code, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("questionnaire.pageTitle") + " | " + getTranslation("app.title");
    }
}
