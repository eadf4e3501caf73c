package jp.kakaritsuke.mail.ui;

import jp.kakaritsuke.base.ui.Confirmation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.CopyableText;
import jp.kakaritsuke.base.ui.Grids;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxMail;
import jp.kakaritsuke.mail.domain.OutboxQuery;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.mail.service.OutboxService;

/**
 * 送信メール: every mail the application sent or keeps, newest first, loaded page by page; a mail's full text on
 * click. Without an SMTP server (the embedded default) this is where mails stay, links included: the administrator
 * hands an invitation link over from here.
 */
@Route("admin/outbox")
@RolesAllowed("ADMIN")
class OutboxView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final OutboxService outbox;
    private final DateTimeFormatter time;
    final TextField search = new TextField();
    final ComboBox<MailState> state = new ComboBox<>();
    final ComboBox<MailKind> kind = new ComboBox<>();
    final Paragraph mode = new Paragraph();
    final Paragraph error = new Paragraph();
    final Grid<OutboxMail> grid = new Grid<>();
    /** The open mail's dialog, if any. */
    Dialog details;

    OutboxView(OutboxService outbox, Clock clock) {
        this.outbox = outbox;
        this.time = TimeFormat.MINUTE.in(clock);
        setMaxWidth("90rem");
        setPadding(true);
        addClassName("outbox-view");

        search.setLabel(getTranslation("outbox.search"));
        search.setHelperText(getTranslation("outbox.search.help"));
        search.setMaxLength(OutboxQuery.TEXT_LENGTH);
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        state.setLabel(getTranslation("outbox.state"));
        state.setItems(Arrays.asList(MailState.values()));
        state.setItemLabelGenerator(s -> getTranslation("outbox.state." + s.name()));
        state.setClearButtonVisible(true);
        kind.setLabel(getTranslation("outbox.kind"));
        kind.setItems(Arrays.asList(MailKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation("outbox.kind." + k.name()));
        kind.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        FormLayout filters = new FormLayout(search, state, kind);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        error.addClassName("outbox-error");
        error.setVisible(false);
        mode.addClassName("outbox-mode");

        grid.addColumn(m -> time.format(m.createdAt())).setHeader(getTranslation("outbox.created")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> kindLabel(m.kind())).setHeader(getTranslation("outbox.kind")).setAutoWidth(true);
        grid.addColumn(m -> m.recipientName() + " <" + m.recipient() + ">").setHeader(getTranslation("outbox.recipient")).setAutoWidth(true);
        grid.addColumn(OutboxMail::subject).setHeader(getTranslation("outbox.subject")).setFlexGrow(2);
        grid.addColumn(m -> getTranslation("outbox.state." + m.state().name())).setHeader(getTranslation("outbox.state")).setAutoWidth(true);
        grid.addColumn(OutboxMail::attempts).setHeader(getTranslation("outbox.attempts")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::outcome).setHeader(getTranslation("outbox.outcome")).setFlexGrow(2);
        grid.addComponentColumn(m -> {
            Button open = new Button(getTranslation("outbox.open"), e -> open(m));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            // a screen reader hears which mail, not "表示" once per row
            open.setAriaLabel(getTranslation("outbox.openFor", m.recipient(), time.format(m.createdAt())));
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("outbox.none"));
        grid.setHeight("36rem");
        grid.setWidthFull();
        grid.setPageSize(50);

        add(new H2(getTranslation("outbox.title")), new Paragraph(getTranslation("outbox.intro")), mode, filters, error, grid);
    }

    /** The service refuses everyone but administrators: asked here so that a refusal is the plain 403 page. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean smtp = outbox.smtpConfigured();
        mode.setText(getTranslation(smtp ? "outbox.mode.smtp" : "outbox.mode.outboxOnly"));
        // without a server the page is where mails end: said prominently
        mode.setClassName("outbox-mode-kept", !smtp);
        refresh();
    }

    OutboxQuery query() {
        return new OutboxQuery(search.getValue(), state.getValue(), kind.getValue() == null ? null : kind.getValue().name());
    }

    void refresh() {
        OutboxQuery query = query();
        Grids.fillFiltered(grid, error, () -> OutboxService.requireValid(query),
                q -> outbox.slice(query, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, outbox.count(query)));
    }

    /** The mail's full text (read again: the list may be older than the mail's state). */
    Dialog open(OutboxMail listed) {
        OutboxMail mail = outbox.mail(listed.id());
        if (details != null) {
            details.close();
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(mail.subject());
        dialog.setWidth("min(60rem, 95vw)");
        dialog.addClassName("outbox-mail");

        Div facts = new Div(
                fact("outbox.created", time.format(mail.createdAt())),
                fact("outbox.kind", kindLabel(mail.kind())),
                fact("outbox.recipient", mail.recipientName() + " <" + mail.recipient() + ">"),
                fact("outbox.state", getTranslation("outbox.state." + mail.state().name())),
                fact("outbox.attempts", String.valueOf(mail.attempts())),
                fact("outbox.outcome", outcome(mail)));
        facts.addClassName("outbox-facts");
        Pre body = new Pre(mail.body());
        body.addClassName("outbox-body");
        dialog.add(facts);
        if (mail.link() != null) {
            // kept (no SMTP server) or not yet delivered: the link is still live, and this is how it is handed over
            dialog.add(new CopyableText(getTranslation("outbox.link"), mail.link()));
        }
        dialog.add(body);

        if (mail.state() == MailState.FAILED) {
            Button retry = new Button(getTranslation("outbox.retry"), e -> confirmRetry(mail));
            dialog.getFooter().add(retry);
        }
        Button close = new Button(getTranslation("outbox.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
        details = dialog;
        return dialog;
    }

    private void confirmRetry(OutboxMail mail) {
        Confirmation.ask(getTranslation("outbox.retry.confirmTitle"), getTranslation("outbox.retry.confirm", mail.recipient()),
                getTranslation("outbox.retry"), false, () -> retry(mail));
    }

    void retry(OutboxMail mail) {
        try {
            outbox.retry(mail.id());
            Notification.show(getTranslation("outbox.retry.done", mail.recipient())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            Notification.show(getTranslation(e.messageKeys().getFirst())).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        if (details != null) {
            details.close();
        }
        grid.getDataProvider().refreshAll();
    }

    private Paragraph fact(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("outbox-fact-label");
        Paragraph p = new Paragraph(label, new Span(value));
        p.addClassName("outbox-fact");
        return p;
    }

    /** Delivered at …, the last error, or when the next attempt is. */
    private String outcome(OutboxMail m) {
        return switch (m.state()) {
            case DELIVERED -> getTranslation("outbox.outcome.delivered", format(m.deliveredAt()));
            case PENDING -> m.lastError() == null ? getTranslation("outbox.outcome.waiting")
                    : getTranslation("outbox.outcome.retry", format(m.nextAttemptAt()), m.lastError());
            case SENDING -> getTranslation("outbox.outcome.sending");
            case FAILED -> getTranslation("outbox.outcome.failed", m.lastError() == null ? "" : m.lastError());
            case KEPT -> getTranslation("outbox.outcome.kept");
        };
    }

    private String kindLabel(String kindName) {
        try {
            return getTranslation("outbox.kind." + MailKind.valueOf(kindName).name());
        } catch (IllegalArgumentException e) {
            return kindName; // a kind a newer version wrote
        }
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " | " + getTranslation("app.title");
    }
}
