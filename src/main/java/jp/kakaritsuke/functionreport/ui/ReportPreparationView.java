package jp.kakaritsuke.functionreport.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.InvalidAddressException;
import jp.kakaritsuke.base.ui.UrlParameters;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.functionreport.domain.CrosswalkLink;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PrefillRule;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.PreparationView;
import jp.kakaritsuke.functionreport.service.PreparationWorkbookService;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService.HistoryEntry;
import jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * 報告準備: a facility's preparation of one year's かかりつけ医機能報告 ({@code ?facility=ID&year=YYYY}; by default the
 * user's own facility and the season ahead). The 1号 check and the 2号 functions the answers show at the top, then the
 * report's items in its own order and numbering, each saved as it changes, then what remains before 提出, and the
 * years before. Thin: every rule is in {@link ReportPreparationService}; this page shows and sends.
 */
@Route("report-preparation")
@PermitAll
class ReportPreparationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "report-preparation";
    private static final Logger log = LoggerFactory.getLogger(ReportPreparationView.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportPreparationService preparations;
    private final ReportEditionService editions;
    private final PreparationWorkbookService workbooks;
    private final FacilityService facilities;
    private final FacilityAccess access;
    private final ObjectProvider<SelfAssessmentAnswers> selfAssessment;
    private final CaseLibrary library;
    private final Clock clock;

    FacilityProfile facility;
    int reportYear;
    PreparationView view;
    boolean editable;
    /** Every item's card, in the report's order; made once per load and kept, with what the user typed. */
    final Map<String, ItemEditor> editors = new LinkedHashMap<>();
    final Div no1Panel = new Div();
    final Div functionsPanel = new Div();
    final Div submitPanel = new Div();
    final Div statusLine = new Div();
    final Span saveStatus = new Span();
    Button start;
    Button submit;
    Button reopen;
    Anchor download;

    ReportPreparationView(ReportPreparationService preparations, ReportEditionService editions,
                          PreparationWorkbookService workbooks, FacilityService facilities, FacilityAccess access,
                          ObjectProvider<SelfAssessmentAnswers> selfAssessment, CaseLibraryService caseLibrary, Clock clock) {
        this.preparations = preparations;
        this.editions = editions;
        this.workbooks = workbooks;
        this.facilities = facilities;
        this.access = access;
        this.selfAssessment = selfAssessment;
        this.library = caseLibrary.library();
        this.clock = clock;
        setMaxWidth("64rem");
        addClassName("prep-view");
        no1Panel.addClassName("prep-no1");
        no1Panel.setId("prep-no1");
        functionsPanel.addClassName("prep-functions");
        submitPanel.addClassName("prep-submit");
        submitPanel.setId("prep-submit");
        statusLine.addClassName("prep-status-line");
        saveStatus.addClassName("prep-page-save");
        saveStatus.getElement().setAttribute("aria-live", "polite");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        Optional<Integer> facilityParam = UrlParameters.positiveInt(query, "facility", Integer.MAX_VALUE);
        Optional<Integer> yearParam = UrlParameters.positiveInt(query, "year", 9999);
        List<FacilityProfile> visible = facilities.visibleFacilities();
        facility = facilityParam.map(id -> facilities.get(id)).orElseGet(() -> defaultFacility(visible));
        int current = preparations.currentReportYear();
        reportYear = yearParam.orElse(current);
        List<Integer> years = editions.years();
        // the first edition is the first season (2026); the season after the one ahead has nothing to prepare yet
        if (reportYear > current || (!years.isEmpty() && reportYear < years.getFirst())) {
            throw new InvalidAddressException("year");
        }
        load(visible);
    }

    /** The user's own clinic or hospital first (as the assessment home lists them), then any other. */
    private FacilityProfile defaultFacility(List<FacilityProfile> visible) {
        return visible.stream().filter(f -> f.type() != FacilityKind.ASSOCIATION && access.roleIn(f.id()).isPresent())
                .findFirst()
                .or(() -> visible.stream().filter(f -> f.type() != FacilityKind.ASSOCIATION).findFirst())
                .or(() -> visible.stream().findFirst())
                .orElse(null);
    }

    private void load(List<FacilityProfile> visible) {
        removeAll();
        editors.clear();
        view = null;
        start = null;
        submit = null;
        reopen = null;
        download = null;
        H2 title = new H2(getTranslation("prep.title", String.valueOf(reportYear)));
        title.addClassName("prep-title");
        add(title);
        if (visible.size() > 1 && facility != null) {
            add(facilitySelect(visible));
        }
        if (facility == null) {
            add(hint(getTranslation("prep.noFacility")));
            return;
        }
        if (facility.type() == FacilityKind.ASSOCIATION) {
            renderAssociation();
            return;
        }
        view = preparations.view(facility.id(), reportYear);
        editable = view.canEdit() && view.status() == PreparationStatus.DRAFT;
        Paragraph facilityName = new Paragraph(view.facilityName());
        facilityName.addClassName("prep-facility");
        add(facilityName);
        if (view.edition().year() < reportYear) {
            Paragraph note = new Paragraph(getTranslation("prep.edition.notPublished", String.valueOf(reportYear),
                    String.valueOf(view.edition().year())));
            note.addClassName("prep-edition-note");
            add(note);
        }
        add(statusLine);
        renderStatusLine();
        if (!view.started()) {
            renderNotStarted();
            renderHistory();
            return;
        }
        Paragraph intro = hint(getTranslation(editable ? "prep.autosave"
                : view.status() == PreparationStatus.SUBMITTED && preparations.canEdit(facility.id()) ? "prep.readOnlySubmitted"
                : "prep.readOnly"));
        add(intro, no1Panel, functionsPanel);
        renderItems();
        add(submitPanel);
        refreshSummary();
        renderHistory();
    }

    private Select<FacilityProfile> facilitySelect(List<FacilityProfile> visible) {
        Select<FacilityProfile> select = new Select<>();
        select.setLabel(getTranslation("prep.facility"));
        select.setItems(visible);
        select.setItemLabelGenerator(FacilityProfile::name);
        visible.stream().filter(f -> f.id().equals(facility.id())).findFirst().ifPresent(select::setValue);
        select.addClassName("prep-facility-select");
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(ROUTE, QueryParameters.simple(Map.of("facility",
                        String.valueOf(e.getValue().id()), "year", String.valueOf(reportYear)))));
            }
        });
        return select;
    }

    /** Associations do not file the report: say so, and where their members' readiness is. */
    private void renderAssociation() {
        Paragraph name = new Paragraph(facility.name());
        name.addClassName("prep-facility");
        Paragraph text = new Paragraph(getTranslation("prep.association"));
        text.addClassName("prep-association");
        Anchor rollup = new Anchor("associations", getTranslation("prep.association.rollup"));
        rollup.addClassName("prep-association-link");
        add(name, text, rollup);
    }

    // ---- status, start -------------------------------------------------------------------------------------------

    private void renderStatusLine() {
        statusLine.removeAll();
        Span state = new Span(getTranslation(view.status() == null ? "prep.status.NOT_STARTED" : "prep.status." + view.status().name()));
        state.getElement().getThemeList().add(view.status() == PreparationStatus.SUBMITTED ? "badge success"
                : view.status() == null ? "badge contrast" : "badge");
        state.addClassName("prep-state");
        statusLine.add(state);
        if (view.updatedAt() != null) {
            Span updated = new Span(getTranslation("prep.updated", dateTime(view.updatedAt()),
                    view.updatedBy() == null ? "" : view.updatedBy()));
            updated.addClassName("prep-updated");
            statusLine.add(updated);
        }
        if (view.started()) {
            statusLine.add(saveStatus);
            statusLine.add(downloadLink());
        }
    }

    /**
     * The .xlsx to take to G-MIS, made when clicked (the preparation as it then stands). Should the workbook fail,
     * the browser gets a plain error response and the page stays as it is.
     */
    private Anchor downloadLink() {
        long facilityId = facility.id();
        int year = reportYear;
        Locale locale = getLocale();
        download = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = workbooks.workbook(facilityId, year, locale);
                return new DownloadResponse(new ByteArrayInputStream(bytes), workbooks.fileName(facilityId, year), XLSX,
                        bytes.length);
            } catch (RuntimeException e) {
                log.warn("preparation workbook for facility {} year {} failed", facilityId, year, e);
                return DownloadResponse.error(503, "workbook not available");
            }
        }), getTranslation("prep.download"));
        download.getElement().setAttribute("download", true);
        download.addClassName("prep-download");
        return download;
    }

    /** Not started: what starting brings in (last year's answers, same-question answers), and the button. */
    private void renderNotStarted() {
        Div box = new Div();
        box.addClassName("prep-start");
        box.add(new H3(getTranslation("prep.start.title")));
        box.add(new Paragraph(getTranslation("prep.start.intro")));
        UnorderedList brings = new UnorderedList();
        brings.addClassName("prep-start-list");
        Optional<HistoryEntry> lastYear = preparations.history(facility.id()).stream()
                .filter(h -> h.reportYear() < reportYear).findFirst();
        brings.add(new ListItem(lastYear.map(h -> getTranslation("prep.start.carry", String.valueOf(h.reportYear())))
                .orElseGet(() -> getTranslation("prep.start.noCarry"))));
        brings.add(new ListItem(prefillText(view.edition())));
        brings.add(new ListItem(getTranslation("prep.start.rest")));
        box.add(brings);
        if (view.canEdit()) {
            start = new Button(getTranslation("prep.start.button"), e -> doStart());
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.addClassName("prep-start-button");
            box.add(start);
        } else {
            box.add(hint(getTranslation("prep.start.viewer")));
        }
        add(box);
    }

    /** Which items the self-assessment fills in, and whether this facility's latest submission can. */
    private String prefillText(ReportEdition edition) {
        List<PrefillRule> rules = edition.prefills();
        if (rules.isEmpty()) {
            return getTranslation("prep.start.noPrefill");
        }
        String items = String.join(getTranslation("prep.item.roleSeparator"), rules.stream()
                .map(r -> edition.item(r.itemCode()).map(i -> getTranslation("prep.item.roleQuoted", i.wording(getLocale())))
                        .orElse(r.itemCode())).distinct().toList());
        int version = rules.getFirst().questionnaireVersion();
        Optional<SelfAssessmentAnswers.Submission> latest = Optional.empty();
        SelfAssessmentAnswers port = selfAssessment.getIfAvailable();
        if (port != null) {
            try {
                latest = port.latestSubmitted(facility.id());
            } catch (RuntimeException unavailable) {
                // the assessment side not wired yet: say only what the rule is
                log.debug("self-assessment not readable for {}", facility.id(), unavailable);
            }
        }
        if (latest.isEmpty()) {
            return getTranslation("prep.start.prefillNone", items, String.valueOf(version));
        }
        SelfAssessmentAnswers.Submission submission = latest.get();
        if (rules.stream().noneMatch(r -> r.questionnaireVersion() == submission.questionnaireVersion())) {
            return getTranslation("prep.start.prefillOtherVersion", items, String.valueOf(version),
                    String.valueOf(submission.questionnaireVersion()));
        }
        return getTranslation("prep.start.prefill", items, date(submission.submittedAt()));
    }

    void doStart() {
        try {
            preparations.start(facility.id(), reportYear);
        } catch (ConflictException | OptimisticLockingFailureException e) {
            // someone started it a moment ago: theirs is the one to continue
            Notification.show(getTranslation("prep.start.already")).addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (InvalidInputException e) {
            showMessages(e);
        }
        load(facilities.visibleFacilities());
    }

    // ---- items ---------------------------------------------------------------------------------------------------

    private void renderItems() {
        ReportEdition edition = view.edition();
        boolean secondaryIntro = false;
        for (ReportFunction function : ReportFunction.values()) {
            List<ReportItem> items = edition.items(function);
            if (items.isEmpty()) {
                continue;
            }
            if (function.secondary() && !secondaryIntro) {
                add(hint(getTranslation("prep.no2.intro")));
                secondaryIntro = true;
            }
            Div section = new Div();
            section.addClassName("prep-section");
            section.setId("function-" + function.prefix());
            H3 heading = new H3(getTranslation("functionreport.function." + function.name()));
            section.add(heading);
            String category = null;
            for (ReportItem item : items) {
                String itemCategory = item.category(getLocale());
                if (itemCategory != null && !itemCategory.equals(category)) {
                    H4 sub = new H4(itemCategory);
                    sub.addClassName("prep-category");
                    section.add(sub);
                }
                category = itemCategory;
                ItemEditor editor = new ItemEditor(item, getLocale(), periodText(item), roleNames(edition, item),
                        this::save, this::confirm);
                editors.put(item.code(), editor);
                section.add(editor);
            }
            add(section);
        }
        for (ItemEditor editor : editors.values()) {
            editor.setEditable(editable);
            show(editor);
        }
        updateVisibility();
    }

    private void show(ItemEditor editor) {
        String code = editor.item.code();
        editor.setAnswer(view.answers().get(code), view.prefilledFrom().get(code), view.carriedFromYear(),
                view.unconfirmed().contains(code));
    }

    /** 「前年（2026年1月1日〜2026年12月31日）」: the period of the report year, with its dates. */
    String periodText(ReportItem item) {
        ItemPeriod period = item.period();
        if (period == null) {
            return null;
        }
        ItemPeriod.Range range = period.range(reportYear);
        if (period == ItemPeriod.AS_OF_REFERENCE_DATE) {
            return getTranslation("prep.period.AS_OF_REFERENCE_DATE", date(range.from()));
        }
        return getTranslation("prep.period." + period.name(), date(range.from()), date(range.to()));
    }

    /** The roles the crosswalk (ours) links to the item or its function, by name. */
    private List<String> roleNames(ReportEdition edition, ReportItem item) {
        return edition.crosswalkForItem(item).stream().map(CrosswalkLink::roleCode).distinct()
                .map(code -> library.roleName(code, getLocale())).toList();
    }

    /** An item asked only after another item's choice (No.5 after No.4 「有り」) shows only then. */
    private void updateVisibility() {
        for (ItemEditor editor : editors.values()) {
            editor.setVisible(applies(editor.item));
        }
    }

    boolean applies(ReportItem item) {
        return No1Check.asked(item, view.answers()); // the service's own rule, so page and check agree
    }

    /** Autosave of one item. What the user typed is never dropped: a refusal stays on the field, marked. */
    void save(ItemEditor editor) {
        save(editor, false);
    }

    private void save(ItemEditor editor, boolean retried) {
        if (!editable) {
            return;
        }
        try {
            PreparationView saved = preparations.save(facility.id(), reportYear, view.version(),
                    Map.of(editor.item.code(), editor.input()));
            accept(saved, editor, getTranslation("prep.savedAt", time(clock.instant())));
        } catch (FieldErrors e) {
            List<FieldError> mine = e.errors().stream().filter(f -> f.field() != null && f.field().startsWith(editor.item.code())).toList();
            editor.refused(mine.isEmpty() ? e.errors() : mine, getTranslation("prep.notSaved"));
            pageNotSaved();
            renderSubmit();
        } catch (ConflictException | OptimisticLockingFailureException e) {
            conflict(editor, retried);
        } catch (InvalidInputException e) {
            editor.notSaved(getTranslation("prep.notSaved"));
            pageNotSaved();
            renderSubmit();
            showMessages(e);
        }
    }

    /**
     * Someone else saved the preparation first. The page reads it again; the card being edited keeps what the user
     * typed. If the other person did not touch this item, the user's answer is saved on top at once (once); if they
     * did, the card stays 「保存されていません」 with 「もう一度保存」, so nobody's answer is overwritten unseen.
     */
    private void conflict(ItemEditor editor, boolean retried) {
        PreparationAnswer before = editor.answer();
        PreparationView fresh = preparations.view(facility.id(), reportYear);
        PreparationAnswer theirs = fresh.answers().get(editor.item.code());
        editor.notSaved(getTranslation("prep.notSaved"));
        reload(fresh);
        if (!retried && sameAnswer(before, theirs) && editable) {
            Notification.show(getTranslation("prep.conflict.other", fresh.updatedBy() == null ? "" : fresh.updatedBy()))
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            save(editor, true);
            return;
        }
        pageNotSaved();
        renderSubmit();
        Notification n = Notification.show(getTranslation("prep.conflict.same", editor.itemLabel(),
                fresh.updatedBy() == null ? "" : fresh.updatedBy(), editor.describeInput()));
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setDuration(10000);
    }

    /** The answers as another save left them; cards with unsaved input keep the input. */
    void reload(PreparationView fresh) {
        view = fresh;
        boolean wasEditable = editable;
        editable = view.canEdit() && view.status() == PreparationStatus.DRAFT;
        for (ItemEditor e : editors.values()) {
            String code = e.item.code();
            if (wasEditable != editable) {
                e.setEditable(editable);
            }
            if (e.hasUnsavedInput()) {
                e.rebase(view.answers().get(code), view.prefilledFrom().get(code), view.carriedFromYear(),
                        view.unconfirmed().contains(code));
            } else {
                show(e);
            }
        }
        updateVisibility();
        renderStatusLine();
        refreshSummary();
    }

    static boolean sameAnswer(PreparationAnswer a, PreparationAnswer b) {
        boolean aEmpty = a == null || a.empty();
        boolean bEmpty = b == null || b.empty();
        if (aEmpty || bEmpty) {
            return aEmpty == bEmpty;
        }
        return a.choices().equals(b.choices())
                && (a.number() == null ? b.number() == null : b.number() != null && a.number().compareTo(b.number()) == 0)
                && Objects.equals(blankToNull(a.text()), blankToNull(b.text()))
                && a.names().equals(b.names()) && a.origin() == b.origin() && a.confirmed() == b.confirmed();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A save or a confirmation went through: the new version, this card saved, the others brought up to date. */
    private void accept(PreparationView saved, ItemEditor editor, String message) {
        view = saved;
        String code = editor.item.code();
        editor.saved(view.answers().get(code), view.prefilledFrom().get(code), view.carriedFromYear(),
                view.unconfirmed().contains(code), message);
        for (ItemEditor e : editors.values()) {
            if (e == editor) {
                continue;
            }
            if (e.hasUnsavedInput()) {
                e.rebase(view.answers().get(e.item.code()), view.prefilledFrom().get(e.item.code()), view.carriedFromYear(),
                        view.unconfirmed().contains(e.item.code()));
            } else {
                show(e);
            }
        }
        updateVisibility();
        saveStatus.removeClassName("not-saved");
        saveStatus.setText(message);
        renderStatusLine();
        refreshSummary();
    }

    /** 「変更なし」: the carried or pre-filled answer stands for this year. */
    void confirm(ItemEditor editor) {
        if (!editable) {
            return;
        }
        try {
            accept(preparations.confirm(facility.id(), reportYear, view.version(), List.of(editor.item.code())), editor,
                    getTranslation("prep.confirmedAt", time(clock.instant())));
        } catch (ConflictException | OptimisticLockingFailureException e) {
            reload(preparations.view(facility.id(), reportYear));
            Notification.show(getTranslation("prep.conflict.confirm", editor.itemLabel()))
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (InvalidInputException e) {
            showMessages(e);
        }
    }

    private void pageNotSaved() {
        saveStatus.addClassName("not-saved");
        saveStatus.setText(getTranslation("prep.notSaved"));
    }

    // ---- 1号, 2号, submit ------------------------------------------------------------------------------------------

    /** The panels that follow the answers: the 1号 check, the 2号 functions, what remains before 提出. */
    void refreshSummary() {
        renderNo1();
        renderFunctions();
        renderSubmit();
    }

    private void renderNo1() {
        no1Panel.removeAll();
        No1Check check = view.no1();
        boolean met = check != null && check.met();
        no1Panel.setClassName("met", met);
        no1Panel.setClassName("not-met", !met);
        no1Panel.add(new H3(getTranslation("prep.no1.title")));
        Paragraph verdict = new Paragraph(getTranslation(met ? "prep.no1.met" : "prep.no1.notMet"));
        verdict.addClassName("prep-no1-verdict");
        no1Panel.add(verdict);
        if (check != null) {
            Div list = new Div();
            list.addClassName("prep-link-list");
            check.missing().forEach(code -> link(code, "prep.no1.missing").ifPresent(list::add));
            check.unanswered().forEach(code -> link(code, "prep.no1.unanswered").ifPresent(list::add));
            if (list.getComponentCount() > 0) {
                no1Panel.add(list);
            }
        }
        no1Panel.add(hint(getTranslation("prep.no1.rule")));
    }

    private void renderFunctions() {
        functionsPanel.removeAll();
        functionsPanel.add(new H3(getTranslation("prep.functions.title")));
        UnorderedList list = new UnorderedList();
        list.addClassName("prep-functions-list");
        for (ReportFunction f : ReportFunction.values()) {
            if (!f.secondary()) {
                continue;
            }
            boolean provided = view.functionsProvided().contains(f);
            ListItem row = new ListItem(getTranslation(provided ? "prep.functions.provided" : "prep.functions.notShown",
                    getTranslation("functionreport.function." + f.name())));
            row.addClassName(provided ? "provided" : "not-shown");
            list.add(row);
        }
        functionsPanel.add(list, hint(getTranslation("prep.functions.derived")));
    }

    private void renderSubmit() {
        submitPanel.removeAll();
        submit = null;
        reopen = null;
        submitPanel.add(new H3(getTranslation("prep.submit.title")));
        No1Check check = view.no1();
        Paragraph no1 = new Paragraph(getTranslation(check != null && check.met() ? "prep.submit.no1Met" : "prep.submit.no1NotMet"));
        no1.addClassName("prep-submit-no1");
        submitPanel.add(no1);
        Div problems = new Div();
        problems.addClassName("prep-link-list");
        problems.addClassName("prep-problems");
        for (String code : view.unconfirmed()) {
            link(code, "prep.submit.unconfirmed").ifPresent(problems::add);
        }
        List<ItemEditor> unsaved = editors.values().stream().filter(ItemEditor::hasUnsavedInput).toList();
        unsaved.forEach(e -> link(e.item.code(), "prep.submit.unsaved").ifPresent(problems::add));
        if (problems.getComponentCount() == 0) {
            problems.add(hint(getTranslation("prep.submit.noProblems")));
        }
        submitPanel.add(problems);
        List<ItemEditor> unanswered = editors.values().stream()
                .filter(e -> e.isVisible() && e.item.gmis() != GmisPrefill.NDB)
                .filter(e -> e.answer() == null || e.answer().empty()).toList();
        if (!unanswered.isEmpty()) {
            submitPanel.add(hint(getTranslation("prep.submit.unanswered", unanswered.size())));
            Div open = new Div();
            open.addClassName("prep-link-list");
            open.addClassName("prep-unanswered");
            unanswered.forEach(e -> link(e.item.code(), "prep.submit.unansweredItem").ifPresent(open::add));
            submitPanel.add(open);
        }
        if (view.status() == PreparationStatus.SUBMITTED) {
            Paragraph done = new Paragraph(getTranslation("prep.submit.done", dateTime(view.submittedAt()),
                    view.submittedBy() == null ? "" : view.submittedBy()));
            done.addClassName("prep-submitted");
            submitPanel.add(done);
            // the view's canEdit says "may change the answers now" (a draft): reopening asks the editor's right itself
            if (preparations.canEdit(facility.id())) {
                reopen = new Button(getTranslation("prep.reopen"), e -> doReopen());
                reopen.addClassName("prep-reopen");
                submitPanel.add(reopen);
            }
            return;
        }
        submitPanel.add(hint(getTranslation("prep.submit.what")));
        if (editable) {
            submit = new Button(getTranslation("prep.submit.button"), e -> confirmSubmit());
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClassName("prep-submit-button");
            submit.setEnabled(view.unconfirmed().isEmpty() && unsaved.isEmpty());
            submitPanel.add(submit);
        }
    }

    private void confirmSubmit() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("prep.submit.confirmTitle"));
        dialog.add(new Paragraph(getTranslation("prep.submit.confirmText")));
        Button ok = new Button(getTranslation("prep.submit.button"), e -> {
            dialog.close();
            doSubmit();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClassName("prep-submit-ok");
        dialog.getFooter().add(new Button(getTranslation("prep.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    void doSubmit() {
        change(() -> preparations.submit(facility.id(), reportYear, view.version()), "prep.submit.submitted");
    }

    void doReopen() {
        change(() -> preparations.reopen(facility.id(), reportYear, view.version()), "prep.reopened");
    }

    /** Submit or reopen: the whole page follows the new status (editable or not). */
    private void change(Supplier<PreparationView> action, String successKey) {
        try {
            PreparationView changed = action.get();
            Notification.show(getTranslation(successKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            view = changed;
        } catch (ConflictException | OptimisticLockingFailureException e) {
            Notification.show(getTranslation("prep.conflict.status")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (InvalidInputException e) {
            showMessages(e);
        }
        load(facilities.visibleFacilities());
    }

    /** A link-styled button to an item's card: keeps the page (and what is typed in it), scrolls and focuses. */
    private Optional<Div> link(String itemCode, String key) {
        ItemEditor editor = editors.get(itemCode);
        String label = editor == null ? view.edition().item(itemCode).map(i -> i.wording(getLocale())).orElse(itemCode)
                : editor.itemLabel();
        Button link = new Button(getTranslation(key, label), e -> scrollTo(itemCode));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        link.addClassName("prep-link");
        link.getElement().setAttribute("data-item", itemCode);
        Div row = new Div(link);
        row.addClassName("prep-link-row");
        return Optional.of(row);
    }

    /** Scrolls to the item's card (its {@code #item-…} anchor, also put in the address) and focuses its field. */
    void scrollTo(String itemCode) {
        ItemEditor editor = editors.get(itemCode);
        if (editor == null) {
            return;
        }
        editor.getElement().executeJs("""
                this.scrollIntoView({block: 'start'});
                const f = this.querySelector('input, textarea');
                if (f) f.focus({preventScroll: true});""");
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().getHistory().replaceState(null, ROUTE + "?facility=" + facility.id() + "&year=" + reportYear
                    + "#" + editor.anchor);
        }
    }

    // ---- history -------------------------------------------------------------------------------------------------

    private void renderHistory() {
        List<HistoryEntry> history = preparations.history(facility.id());
        Div box = new Div();
        box.addClassName("prep-history");
        box.add(new H3(getTranslation("prep.history.title")));
        if (history.isEmpty()) {
            box.add(hint(getTranslation("prep.history.none")));
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("prep-history-list");
        for (HistoryEntry h : history) {
            String text = getTranslation("prep.history.entry", String.valueOf(h.reportYear()), String.valueOf(h.editionYear()),
                    getTranslation("prep.status." + h.status().name()),
                    h.submittedAt() != null ? date(h.submittedAt()) : date(h.updatedAt()),
                    getTranslation(h.no1Met() ? "prep.history.no1Met" : "prep.history.no1NotMet"));
            ListItem item = new ListItem();
            if (h.reportYear() == reportYear) {
                Span current = new Span(text);
                current.getElement().setAttribute("aria-current", "page");
                current.addClassName("prep-history-current");
                item.add(current);
            } else {
                item.add(new Anchor(ROUTE + "?facility=" + facility.id() + "&year=" + h.reportYear(), text));
            }
            list.add(item);
        }
        box.add(list);
        add(box);
    }

    // ---- formatting ----------------------------------------------------------------------------------------------

    private Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("hint");
        return p;
    }

    private void showMessages(InvalidInputException e) {
        e.messageKeys().forEach(k -> Notification.show(getTranslation(k)).addThemeVariants(NotificationVariant.LUMO_ERROR));
    }

    String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).format(date);
    }

    private String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(clock.getZone()).toLocalDate());
    }

    private String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(clock.getZone()).format(instant);
    }

    private String time(Instant instant) {
        return TimeFormat.TIME.in(clock).format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("prep.pageTitle") + " | " + getTranslation("app.title");
    }

    /** For tests: the editors of the items now shown. */
    Collection<ItemEditor> visibleEditors() {
        return editors.values().stream().filter(ItemEditor::isVisible).toList();
    }
}
