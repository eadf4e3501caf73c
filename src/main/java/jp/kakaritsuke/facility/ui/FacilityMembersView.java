package jp.kakaritsuke.facility.ui;

import java.time.Clock;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.Confirmation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.CopyableText;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.InvitationState;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.FacilityService.Member;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.facility.service.InvitationService.InvitationSummary;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * A facility's people: its members (editors change roles and remove people, everyone may leave), its invitations with
 * their state (revoke, resend), and inviting someone by mail or in person. Every change is confirmed first; the
 * service keeps at least one editor. The new code and link are shown once, with copy buttons.
 */
@Route("facility")
@PermitAll
class FacilityMembersView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DateTimeFormatter time;

    private final FacilityService facilities;
    private final InvitationService invitations;
    private final FacilityAccess access;
    private FacilityProfile facility;
    private CurrentUser me;
    private Optional<MemberRole> myRole = Optional.empty();
    private boolean editor;

    final H2 title = new H2();
    final Grid<Member> members = new Grid<>();
    final Button leave = new Button();
    final Checkbox consent = new Checkbox();
    final VerticalLayout editorSection = new VerticalLayout();
    final TextField inviteeName = new TextField();
    final EmailField inviteeEmail = new EmailField();
    final Select<MemberRole> role = new Select<>();
    final Button invite = new Button();
    final Div issued = new Div();
    final Grid<InvitationSummary> pending = new Grid<>();
    final Dialog resendDialog = new Dialog();
    final EmailField resendEmail = new EmailField();
    final Button resendConfirm = new Button();
    private InvitationSummary resending;

    FacilityMembersView(FacilityService facilities, InvitationService invitations, FacilityAccess access, Clock clock) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.facilities = facilities;
        this.invitations = invitations;
        this.access = access;
        setMaxWidth("72rem");

        members.addColumn(Member::displayName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        members.addColumn(m -> getTranslation(FacilityForm.roleKey(m.role()))).setHeader(getTranslation("members.role"));
        members.addColumn(m -> time.format(m.since())).setHeader(getTranslation("members.since"))
                .setAutoWidth(true).setFlexGrow(0); // a date is never cut: the others give way
        members.addComponentColumn(this::memberActions).setHeader(getTranslation("members.actions")).setAutoWidth(true);
        members.setAllRowsVisible(true);
        members.setEmptyStateText(getTranslation("members.none"));
        leave.setText(getTranslation("members.leave"));
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        leave.addClickListener(e -> confirmLeave());

        consent.setLabel(getTranslation("facility.consent"));
        consent.setHelperText(getTranslation("facility.consent.help"));
        consent.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                facilities.setConsent(facility.id(), e.getValue());
            }
        });

        inviteeName.setLabel(getTranslation("invitation.inviteeName"));
        inviteeName.setMaxLength(200);
        inviteeName.setRequiredIndicatorVisible(true);
        inviteeName.setManualValidation(true);
        inviteeEmail.setLabel(getTranslation("invitation.inviteeEmail"));
        inviteeEmail.setHelperText(getTranslation("invitation.inviteeEmail.help"));
        inviteeEmail.setMaxLength(EmailAddress.MAX_LENGTH);
        inviteeEmail.setManualValidation(true);
        inviteeEmail.setWidth("20rem");
        role.setLabel(getTranslation("members.role"));
        role.setItems(MemberRole.EDITOR, MemberRole.VIEWER);
        role.setItemLabelGenerator(r -> getTranslation(FacilityForm.roleKey(r)));
        role.setWidth("15rem");
        invite.setText(getTranslation("invitation.send"));
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.addClickListener(e -> invite());
        HorizontalLayout form = new HorizontalLayout(inviteeName, inviteeEmail, role, invite);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        issued.addClassName("invitation-issued");

        pending.addColumn(InvitationSummary::inviteeName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        pending.addColumn(i -> i.inviteeEmail().map(EmailAddress::value).orElse(getTranslation("invitation.inPerson")))
                .setHeader(getTranslation("email.label")).setFlexGrow(2);
        pending.addColumn(i -> getTranslation(FacilityForm.roleKey(i.role()))).setHeader(getTranslation("members.role"));
        pending.addColumn(i -> getTranslation("invitation.state." + i.state().name())).setHeader(getTranslation("invitation.state"));
        pending.addColumn(this::when).setHeader(getTranslation("invitation.when"));
        pending.addComponentColumn(this::invitationActions).setHeader(getTranslation("members.actions")).setAutoWidth(true);
        pending.setAllRowsVisible(true);

        resendEmail.setLabel(getTranslation("invitation.inviteeEmail"));
        resendEmail.setHelperText(getTranslation("invitation.inviteeEmail.help"));
        resendEmail.setMaxLength(EmailAddress.MAX_LENGTH);
        resendEmail.setManualValidation(true);
        resendEmail.setWidthFull();
        resendConfirm.setText(getTranslation("invitation.resend"));
        resendConfirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resendConfirm.addClickListener(e -> resend());
        resendDialog.add(new Paragraph(getTranslation("invitation.resend.explain")), resendEmail);
        resendDialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> resendDialog.close()), resendConfirm);
        resendDialog.setWidth("min(32rem, 95vw)");

        editorSection.setPadding(false);
        editorSection.add(consent, new H3(getTranslation("invitation.title")),
                new Paragraph(getTranslation("invitation.mailHint")), form, issued,
                new H3(getTranslation("invitation.list")), pending);
        add(title, new H3(getTranslation("members.title")), members, leave, editorSection, resendDialog);
    }

    @Override
    public void setParameter(BeforeEvent event, Long facilityId) {
        facility = facilities.get(facilityId);
        show();
    }

    /** Reads everything again (after a change, or when the page opens): the caller's own role may have changed too. */
    private void show() {
        me = access.currentUser();
        myRole = access.roleIn(facility.id());
        editor = me.admin() || myRole.filter(r -> r == MemberRole.EDITOR).isPresent();
        title.setText(facility.name());
        List<Member> people = facilities.members(facility.id());
        members.setItems(people);
        // a facility without an editor needs one first: offered as the default
        role.setValue(people.stream().anyMatch(m -> m.role() == MemberRole.EDITOR) ? MemberRole.VIEWER : MemberRole.EDITOR);
        leave.setVisible(myRole.isPresent());
        editorSection.setVisible(editor);
        if (editor) {
            consent.setValue(facilities.consent(facility.id()));
            pending.setItems(invitations.list(facility.id()));
        } else {
            issued.removeAll();
            pending.setItems(List.of());
        }
    }

    private Component memberActions(Member member) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!editor) {
            return actions;
        }
        MemberRole other = member.role() == MemberRole.EDITOR ? MemberRole.VIEWER : MemberRole.EDITOR;
        Button change = new Button(getTranslation("members.makeRole." + other.name()));
        change.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        change.addClickListener(e -> confirm(getTranslation("members.changeRole.title"),
                getTranslation("members.changeRole.confirm." + other.name(), member.displayName()),
                getTranslation("members.makeRole." + other.name()), false,
                () -> {
                    facilities.changeRole(facility.id(), member.userId(), other);
                    notify(getTranslation("members.roleChanged", member.displayName(), getTranslation(FacilityForm.roleKey(other))));
                }));
        actions.add(change);
        if (member.userId() != me.id()) { // one's own membership ends with 「このメンバーから外れる」
            Button remove = new Button(getTranslation("members.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(e -> confirm(getTranslation("members.remove.title"),
                    getTranslation("members.remove.confirm", member.displayName(), facility.name()),
                    getTranslation("members.remove"), true,
                    () -> {
                        facilities.removeMember(facility.id(), member.userId());
                        notify(getTranslation("members.removed", member.displayName()));
                    }));
            actions.add(remove);
        }
        return actions;
    }

    private Component invitationActions(InvitationSummary invitation) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (invitation.state() == InvitationState.OPEN || invitation.state() == InvitationState.EXPIRED) {
            Button resend = new Button(getTranslation("invitation.resend"));
            resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            resend.addClickListener(e -> openResend(invitation));
            actions.add(resend);
        }
        if (invitation.state() == InvitationState.OPEN) {
            Button revoke = new Button(getTranslation("invitation.revoke"));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.addClickListener(e -> confirm(getTranslation("invitation.revoke.title"),
                    getTranslation("invitation.revoke.confirm", invitation.inviteeName()),
                    getTranslation("invitation.revoke"), true,
                    () -> {
                        invitations.revoke(invitation.id());
                        issued.removeAll();
                        notify(getTranslation("invitation.revoked", invitation.inviteeName()));
                    }));
            actions.add(revoke);
        }
        return actions;
    }

    /** When the invitation ends: until when it is valid, or when it was accepted or revoked. */
    private String when(InvitationSummary i) {
        Instant at = switch (i.state()) {
            case ACCEPTED -> i.acceptedAt();
            case REVOKED -> i.revokedAt();
            case OPEN, EXPIRED -> i.expiresAt();
        };
        return at == null ? "" : time.format(at);
    }

    void invite() {
        inviteeName.setInvalid(false);
        inviteeEmail.setInvalid(false);
        try {
            String name = inviteeName.getValue().strip();
            InvitationService.IssuedInvitation created = invitations.invite(facility.id(), role.getValue(), name,
                    inviteeEmail.getValue());
            showIssued(name, created);
            inviteeName.clear();
            inviteeEmail.clear();
            inviteeName.setInvalid(false);
            inviteeEmail.setInvalid(false);
            show();
        } catch (InvalidInputException e) {
            // every problem at once, each at its field; what was typed stays to be fixed
            e.messageKeys().stream().filter(k -> k.startsWith("invitation.error.name")).findFirst()
                    .ifPresent(k -> mark(inviteeName, k));
            e.messageKeys().stream().filter(k -> k.startsWith("email.error.")).findFirst()
                    .ifPresent(k -> mark(inviteeEmail, k));
        } catch (AccessDeniedException e) {
            refused();
        }
    }

    private void openResend(InvitationSummary invitation) {
        resending = invitation;
        resendEmail.setValue(invitation.inviteeEmail().map(EmailAddress::value).orElse(""));
        resendEmail.setInvalid(false);
        resendDialog.setHeaderTitle(getTranslation("invitation.resend.title", invitation.inviteeName()));
        resendDialog.open();
    }

    void resend() {
        try {
            InvitationService.IssuedInvitation renewed = invitations.resend(resending.id(), resendEmail.getValue());
            resendDialog.close();
            showIssued(resending.inviteeName(), renewed);
            show();
        } catch (InvalidInputException e) {
            String key = e.messageKeys().getFirst();
            if (key.startsWith("email.error.")) {
                mark(resendEmail, key); // the dialog stays open with the address to fix
            } else {
                resendDialog.close();
                warn(key);
                show();
            }
        } catch (AccessDeniedException e) {
            resendDialog.close();
            refused();
        }
    }

    /** The code and link of a new or resent invitation, once, each with a copy button. */
    private void showIssued(String name, InvitationService.IssuedInvitation created) {
        issued.removeAll();
        String until = time.format(created.expiresAt());
        Paragraph what = new Paragraph(created.mailedTo()
                .map(to -> getTranslation("invitation.issued.mailed", name, to.value(), until))
                .orElseGet(() -> getTranslation("invitation.issued.inPerson", name, until)));
        issued.add(what, new CopyableText(getTranslation("invitation.link"), created.link().toString()),
                new CopyableText(getTranslation("invitation.code"), created.code()));
    }

    private void confirmLeave() {
        String text = getTranslation(myRole.filter(r -> r == MemberRole.EDITOR).isPresent()
                ? "members.leave.confirmEditor" : "members.leave.confirm", facility.name());
        confirm(getTranslation("members.leave"), text, getTranslation("members.leave"), true, () -> {
            facilities.leave(facility.id());
            Notification.show(getTranslation("members.left", facility.name())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("start"));
        });
    }

    /** Asks first; the change runs only on confirmation, and a refusal is said without losing the page. */
    private void confirm(String header, String text, String action, boolean destructive, Runnable change) {
        Confirmation.ask(header, text, action, destructive, () -> act(change));
    }

    private void act(Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            warn(e.messageKeys().getFirst());
        } catch (AccessDeniedException e) {
            refused();
            return;
        } catch (NotFoundException e) {
            // the member or invitation was removed in the meantime; the facility itself may be gone for the caller
            warn("members.error.gone");
        }
        try {
            show();
        } catch (NotFoundException | AccessDeniedException e) {
            getUI().ifPresent(ui -> ui.navigate("start"));
        }
    }

    /** The caller lost the right in the meantime (made a viewer, removed): said, and the page shows what is left. */
    private void refused() {
        warn("members.error.notAllowed");
        try {
            show();
        } catch (NotFoundException | AccessDeniedException e) {
            getUI().ifPresent(ui -> ui.navigate("start"));
        }
    }

    private void notify(String text) {
        Notification.show(text).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void warn(String key) {
        Notification.show(getTranslation(key)).addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    private void mark(com.vaadin.flow.component.HasValidation field, String key) {
        field.setInvalid(true);
        field.setErrorMessage(getTranslation(key));
    }

    @Override
    public String getPageTitle() {
        return (facility == null ? "" : facility.name() + " | ") + getTranslation("app.title");
    }
}
