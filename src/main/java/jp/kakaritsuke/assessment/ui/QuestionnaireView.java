package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
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
import java.time.ZoneId;
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
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.AssessmentService;
import jp.kakaritsuke.assessment.service.ConcurrentEditException;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.assessment.service.SubmitIncompleteException;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.UrlParameters;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.ui.FacilityForm;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The questionnaire of one round: a step per role group with a progress indicator, every change saved at once
 * (a closed tab or a restart loses nothing), a review page and submit. Read-only for viewers and submitted rounds.
 */
@Route("assessment/round")
@PermitAll
class QuestionnaireView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

    private final AssessmentService assessments;
    private final QuestionnaireService questionnaires;
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
    final Map<String, RoleEditor> editors = new LinkedHashMap<>();
    FacilityForm basics;
    Button submit;

    QuestionnaireView(AssessmentService assessments, QuestionnaireService questionnaires, FacilityService facilities,
                      FacilityAccess access, CaseLibraryService caseLibrary, Clock clock) {
        this.assessments = assessments;
        this.questionnaires = questionnaires;
        this.facilities = facilities;
        this.access = access;
        this.library = caseLibrary.library();
        this.clock = clock;
        setMaxWidth("64rem");
        addClassName("questionnaire-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long roundId) {
        round = assessments.round(roundId);
        questionnaire = questionnaires.version(round.summary().questionnaireVersion());
        boolean editor = access.currentUser().admin()
                || access.roleIn(round.summary().facilityId()).filter(r -> r == MemberRole.EDITOR).isPresent();
        editable = editor && round.summary().status() == RoundStatus.DRAFT;
        // a step past the end or not a number is a broken link: say so instead of guessing a step
        UrlParameters.positiveInt(event.getLocation().getQueryParameters(), "step", reviewStep()).ifPresent(s -> step = s);

        removeAll();
        H2 title = new H2(getTranslation("questionnaire.title", round.summary().facilityName()));
        Span state = new Span(getTranslation("roundStatus." + round.summary().status().name()));
        state.getElement().getThemeList().add(editable ? "badge" : "badge contrast");
        Paragraph intro = new Paragraph(editable ? getTranslation("questionnaire.autosave") : getTranslation("questionnaire.readOnly"));
        intro.addClassName("hint");
        progress.setMin(0);
        progress.setMax(questionnaire.roles().size());
        progress.getElement().setAttribute("aria-label", getTranslation("a11y.progress")); // issue 11, stream a11y
        HorizontalLayout progressRow = new HorizontalLayout(progress, progressText, saveStatus);
        progressRow.setWidthFull();
        progressRow.setAlignItems(FlexComponent.Alignment.CENTER);
        progressRow.expand(progress);
        stepNav.setWrap(true);
        stepNav.addClassName("step-nav");
        add(new HorizontalLayout(title, state), intro, progressRow, stepNav, content);
        showStep(step);
    }

    int reviewStep() {
        return questionnaire.steps().size() + 1;
    }

    void showStep(int number) {
        step = Math.max(1, Math.min(number, reviewStep()));
        content.removeAll();
        editors.clear();
        renderStepNav();
        updateProgress();
        if (step == reviewStep()) {
            renderReview();
        } else {
            QuestionnaireStep s = questionnaire.steps().get(step - 1);
            content.add(new H3(s.title(getLocale())));
            if (s.intro(getLocale()) != null) {
                Paragraph p = new Paragraph(s.intro(getLocale()));
                p.addClassName("hint");
                content.add(p);
            }
            if (s.isBasics()) {
                renderBasics();
            }
            for (String roleCode : s.roleCodes()) {
                RoleQuestion q = questionnaire.role(roleCode).orElseThrow();
                RoleEditor editor = new RoleEditor(q, roleName(roleCode), round.answer(roleCode), editable, this::save);
                editors.put(roleCode, editor);
                content.add(editor);
            }
        }
        Button previous = new Button(getTranslation("questionnaire.previous"), e -> showStep(step - 1));
        previous.setEnabled(step > 1);
        Button next = new Button(getTranslation("questionnaire.next"), e -> showStep(step + 1));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setVisible(step < reviewStep());
        content.add(new HorizontalLayout(previous, next));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                "assessment/round/" + round.summary().id() + "?step=" + step));
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
            if (n < reviewStep() && n > 1 && stepComplete(questionnaire.steps().get(i))) {
                b.setIcon(com.vaadin.flow.component.icon.VaadinIcon.CHECK.create());
            }
            stepNav.add(b);
        }
    }

    private boolean stepComplete(QuestionnaireStep s) {
        return s.roleCodes().stream().allMatch(code -> round.answer(code).level() != null);
    }

    private void renderBasics() {
        basics = new FacilityForm();
        basics.setProfile(facilities.get(round.summary().facilityId()));
        basics.setReadOnly(!editable);
        basics.onChange(profile -> saveBasics());
        content.add(basics);
    }

    void saveBasics() {
        if (!basics.validateAndShow()) {
            saveStatus.setText(getTranslation("questionnaire.notSaved"));
            return;
        }
        try {
            FacilityProfile saved = facilities.updateProfile(basics.getProfile());
            basics.saved(saved);
            savedNow();
        } catch (InvalidInputException e) {
            basics.show(e.messageKeys());
            saveStatus.setText(getTranslation("questionnaire.notSaved"));
        } catch (OptimisticLockingFailureException e) {
            FacilityProfile mine = basics.getProfile();
            FacilityProfile theirs = facilities.get(round.summary().facilityId());
            conflictDialog(getTranslation("questionnaire.conflict.basics"), describe(mine),
                    () -> basics.setProfile(theirs),
                    () -> {
                        basics.saved(theirs);
                        saveBasics();
                    });
        }
    }

    /** Autosave of one role: validate, save, or explain why not. The user's input is never discarded. */
    void save(RoleEditor editor) {
        if (!editor.validateNumbers()) {
            editor.status.setText(getTranslation("questionnaire.notSaved"));
            return;
        }
        RoleAnswerInput input = editor.input();
        try {
            RoleAnswerView saved = assessments.saveRoleAnswer(round.summary().id(), editor.roleCode, editor.version(), input);
            replaceAnswer(saved);
            editor.saved(saved, getTranslation("questionnaire.savedAt", TIME.format(clock.instant())));
            savedNow();
            updateProgress();
            renderStepNav();
        } catch (ConcurrentEditException e) {
            RoleAnswerView theirs = e.current();
            conflictDialog(getTranslation("questionnaire.conflict.role", roleName(editor.roleCode), theirs.updatedBy(),
                            theirs.updatedAt() == null ? "" : TIME.format(theirs.updatedAt())),
                    describe(editor, input),
                    () -> {
                        replaceAnswer(theirs);
                        editor.setAnswer(theirs);
                    },
                    () -> {
                        editor.saved(theirs, "");
                        save(editor);
                    });
        } catch (InvalidInputException e) {
            editor.status.setText(getTranslation("questionnaire.notSaved"));
            e.messageKeys().forEach(k -> Notification.show(getTranslation(k)).addThemeVariants(NotificationVariant.LUMO_ERROR));
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
                        .append(v.number() != null ? v.number().toPlainString() : getTranslation("choice." + v.choice().name()));
            }
        });
        return s.toString();
    }

    private String describe(FacilityProfile p) {
        return p.name() + " / " + p.prefecture() + (p.municipality() == null ? "" : " " + p.municipality());
    }

    private void renderReview() {
        Grid<RoleAnswerView> grid = new Grid<>();
        grid.addColumn(a -> roleName(a.roleCode())).setHeader(getTranslation("review.role")).setFlexGrow(2);
        grid.addColumn(a -> a.level() == null ? getTranslation("review.missing") : String.valueOf(a.level()))
                .setHeader(getTranslation("review.level"));
        grid.addColumn(a -> a.score() == null ? "" : String.valueOf(a.score())).setHeader(getTranslation("review.score"));
        grid.addColumn(a -> a.priority() ? getTranslation("review.priorityMark") : "").setHeader(getTranslation("review.priority"));
        grid.setPartNameGenerator(a -> a.level() == null ? "missing" : null);
        grid.setItems(round.answers());
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> questionnaire.role(e.getItem().roleCode()).ifPresent(q -> showStep(q.stepNumber())));
        content.add(new H3(getTranslation("questionnaire.review")), grid);

        List<String> missing = round.missingLevels();
        if (!missing.isEmpty()) {
            Paragraph p = new Paragraph(getTranslation("review.missingList",
                    String.join("、", missing.stream().map(this::roleName).toList())));
            p.addClassName("review-missing");
            content.add(p);
        }
        if (editable) {
            submit = new Button(getTranslation("review.submit"), e -> confirmSubmit());
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setEnabled(missing.isEmpty());
            content.add(submit);
        }
    }

    private void confirmSubmit() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("review.confirm.title"));
        dialog.add(new Paragraph(getTranslation("review.confirm.text")));
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
            assessments.submit(round.summary().id());
            Notification.show(getTranslation("review.submitted")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(RoleProfileView.class, round.summary().id()));
        } catch (SubmitIncompleteException e) {
            Notification.show(getTranslation("review.missingList",
                    String.join("、", e.missingRoleCodes().stream().map(this::roleName).toList())))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void replaceAnswer(RoleAnswerView saved) {
        List<RoleAnswerView> answers = new ArrayList<>(round.answers());
        answers.replaceAll(a -> a.roleCode().equals(saved.roleCode()) ? saved : a);
        round = new RoundView(round.summary(), answers);
    }

    private void updateProgress() {
        long answered = round.answers().stream().filter(a -> a.level() != null).count();
        progress.setValue(answered);
        progressText.setText(getTranslation("questionnaire.progress", answered, questionnaire.roles().size()));
    }

    private void savedNow() {
        saveStatus.setText(getTranslation("questionnaire.savedAt", TIME.format(clock.instant())));
    }

    String roleName(String code) {
        return library.role(code).map(r -> r.name(getLocale())).orElse(code);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("questionnaire.pageTitle") + " | " + getTranslation("app.title");
    }
}
