package jp.kakaritsuke.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.identity.service.ApiTokenService;
import jp.kakaritsuke.identity.service.ApiTokenService.TokenInfo;

/** Each user's own API tokens: create one (shown once), see when each was last used, revoke it. */
@Route("account/api-tokens")
@PermitAll
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final DateTimeFormatter time;

    private final ApiTokenService tokens;
    final Grid<TokenInfo> grid = new Grid<>();
    final TextField name = new TextField();
    final DatePicker expiresOn = new DatePicker();
    final Button create = new Button();
    /** The new token, shown once (read-only, to copy). */
    final TextArea created = new TextArea();

    ApiTokensView(ApiTokenService tokens, Clock clock) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.tokens = tokens;
        setMaxWidth("72rem");
        grid.addColumn(TokenInfo::name).setHeader(getTranslation("apiToken.name")).setFlexGrow(2);
        grid.addColumn(t -> time(t.createdAt())).setHeader(getTranslation("apiToken.createdAt"));
        grid.addColumn(t -> t.expiresAt() == null ? getTranslation("apiToken.noExpiry")
                : time(t.expiresAt()) + (t.expired() ? " " + getTranslation("apiToken.expired") : ""))
                .setHeader(getTranslation("apiToken.expiresAt"));
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("apiToken.neverUsed") : time(t.lastUsedAt()))
                .setHeader(getTranslation("apiToken.lastUsedAt"));
        grid.addComponentColumn(t -> {
            Button revoke = new Button(getTranslation("apiToken.revoke"), e -> revoke(t));
            revoke.setAriaLabel(getTranslation("apiToken.revokeNamed", t.name()));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        grid.setAllRowsVisible(true);

        name.setLabel(getTranslation("apiToken.name"));
        name.setHelperText(getTranslation("apiToken.name.help"));
        name.setMaxLength(ApiTokenService.MAX_NAME_LENGTH);
        expiresOn.setLabel(getTranslation("apiToken.expiresOn"));
        expiresOn.setHelperText(getTranslation("apiToken.expiresOn.help"));
        create.setText(getTranslation("apiToken.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        created.setLabel(getTranslation("apiToken.created"));
        created.setHelperText(getTranslation("apiToken.created.help"));
        created.setReadOnly(true);
        created.setWidthFull();
        created.setVisible(false);

        HorizontalLayout fields = new HorizontalLayout(name, expiresOn, create);
        fields.setAlignItems(Alignment.BASELINE);
        fields.setWrap(true); // on a phone the button goes below the fields instead of off the screen
        add(new H2(getTranslation("apiToken.title")), new Paragraph(getTranslation("apiToken.intro")), grid,
                new H3(getTranslation("apiToken.create")), fields, created);
        refresh();
    }

    void create() {
        try {
            var token = tokens.create(name.getValue(), expiresOn.getValue());
            created.setValue(token.token());
            created.setVisible(true);
            name.clear();
            name.setInvalid(false);
            expiresOn.clear();
            expiresOn.setInvalid(false);
            refresh();
        } catch (InvalidInputException e) {
            for (String key : e.messageKeys()) {
                if (key.equals("apiToken.error.expiry")) {
                    expiresOn.setInvalid(true);
                    expiresOn.setErrorMessage(getTranslation(key));
                } else {
                    name.setInvalid(true);
                    name.setErrorMessage(getTranslation(key, ApiTokenService.MAX_TOKENS_PER_USER));
                }
            }
        }
    }

    void revoke(TokenInfo token) {
        tokens.revoke(token.id());
        Notification.show(getTranslation("apiToken.revoked", token.name())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.myTokens());
    }

    private String time(Instant instant) {
        return time.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("apiToken.title") + " | " + getTranslation("app.title");
    }
}
