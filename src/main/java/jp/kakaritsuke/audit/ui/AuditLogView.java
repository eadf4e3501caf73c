package jp.kakaritsuke.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.audit.domain.AuditQuery;
import jp.kakaritsuke.audit.domain.AuditRecord;
import jp.kakaritsuke.audit.service.AuditService;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.Grids;
import org.springframework.security.access.AccessDeniedException;

/**
 * 監査ログ: the audit log for system administrators (everything) and association administrators (their associations'),
 * newest first, loaded page by page from the service, which decides what the caller may read.
 */
@Route("audit")
@PermitAll
class AuditLogView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AuditService audit;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final Map<Long, String> associationNames;
    final ComboBox<AuditAction> action = new ComboBox<>();
    final TextField actor = new TextField();
    final TextField facility = new TextField();
    final ComboBox<Association> association = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Paragraph error = new Paragraph();
    /** Below this window width (px) the filters start folded. */
    static final int NARROW_PX = 600;

    final Grid<AuditRecord> grid = new Grid<>();

    AuditLogView(AuditService audit, RollupService rollups, Clock clock) {
        this.audit = audit;
        this.zone = clock.getZone();
        this.time = TimeFormat.SECOND.in(zone);
        List<Association> visible = rollups.visibleAssociations();
        associationNames = visible.stream().collect(Collectors.toMap(Association::id, Association::name, (a, b) -> a));
        setMaxWidth("90rem");
        setPadding(true);
        addClassName("audit-log");

        action.setLabel(getTranslation("audit.action"));
        action.setItems(Arrays.asList(AuditAction.values()));
        action.setItemLabelGenerator(a -> getTranslation("auditAction." + a.name()));
        actor.setLabel(getTranslation("audit.actor"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setMaxLength(AuditRecord.ACTOR_LENGTH);
        facility.setLabel(getTranslation("audit.facilityId"));
        facility.setAllowedCharPattern("[0-9]");
        facility.setMaxLength(18);
        facility.setValueChangeMode(ValueChangeMode.LAZY);
        association.setLabel(getTranslation("audit.association"));
        association.setItems(visible);
        association.setItemLabelGenerator(Association::name);
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        Button clear = new Button(getTranslation("audit.clear"), e -> clearFilters());
        action.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        facility.addValueChangeListener(e -> refresh());
        association.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        FormLayout filters = new FormLayout(action, actor, facility, association, from, to, clear);
        // one column on a phone (390 px), up to three on a desk
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("60em", 3));
        error.addClassName("audit-error");
        error.setVisible(false);

        grid.addColumn(r -> time.format(r.occurredAt())).setHeader(getTranslation("audit.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation("auditAction." + r.action().name())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(r -> nullToEmpty(r.actor())).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(r -> nullToEmpty(r.subject())).setHeader(getTranslation("audit.subject")).setAutoWidth(true);
        grid.addColumn(r -> r.facilityId() == null ? "" : String.valueOf(r.facilityId())).setHeader(getTranslation("audit.facilityId")).setAutoWidth(true);
        grid.addColumn(r -> r.associationId() == null ? ""
                : associationNames.getOrDefault(r.associationId(), "#" + r.associationId())).setHeader(getTranslation("audit.association")).setAutoWidth(true);
        grid.addColumn(r -> nullToEmpty(r.remoteAddress())).setHeader(getTranslation("audit.address")).setAutoWidth(true);
        grid.addColumn(r -> nullToEmpty(r.detail())).setHeader(getTranslation("audit.detail")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("36rem");
        grid.setWidthFull();
        grid.setPageSize(AuditService.DEFAULT_PAGE_SIZE);

        // on a phone six stacked filters would fill the first screen and hide the log itself: folded there
        Details filterPanel = new Details(getTranslation("audit.filters"), filters);
        filterPanel.setOpened(true);
        filterPanel.setWidthFull();
        addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(
                client -> filterPanel.setOpened(client.getWindowInnerWidth() > NARROW_PX)));

        add(new H2(getTranslation("audit.title")), new Paragraph(getTranslation("audit.intro")), filterPanel, error, grid);
    }

    /** The service refuses everyone but administrators; asked here so that the refusal is the plain 403 page. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!audit.mayRead()) {
            throw new AccessDeniedException("the audit log is for administrators");
        }
        refresh();
    }

    /** The filters as entered; null when the period is the wrong way round (said so above the grid). */
    AuditQuery query() {
        Long facilityId = facility.getValue().isBlank() ? null : parse(facility.getValue());
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        // "to" is a whole day, included
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditQuery(action.getValue(), actor.getValue(), facilityId,
                association.getValue() == null ? null : association.getValue().id(), start, end);
    }

    void refresh() {
        AuditQuery query = query();
        Grids.fillFiltered(grid, error, () -> AuditService.requireValid(query, 0, 1),
                q -> audit.slice(query, q.getOffset(), q.getLimit()).stream(), q -> (int) Math.min(Integer.MAX_VALUE, audit.count(query)));
    }

    private void clearFilters() {
        action.clear();
        actor.clear();
        facility.clear();
        association.clear();
        from.clear();
        to.clear();
    }

    private static Long parse(String digits) {
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException e) {
            return -1L; // matches nothing rather than everything
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
