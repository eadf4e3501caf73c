package jp.kakaritsuke.associations.ui;

import jp.kakaritsuke.base.InvitationState;
import jp.kakaritsuke.base.ui.Confirmation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationInvitation;
import jp.kakaritsuke.associations.service.AssociationStaffService.Administrator;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationAdminService.MemberFacility;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.associations.service.AssociationStaffService.InvitationSummary;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.CopyableText;
import jp.kakaritsuke.base.ui.Grids;
import jp.kakaritsuke.identity.service.UserAccountService;

/**
 * Managing an association: its name and place in the hierarchy, its administrators, inviting another (by mail, or a
 * code shown once to hand over), the invitations (resend, revoke), and its member facilities (remove, move to another
 * association). Every change is confirmed first. The services decide who may: the association's own administrators,
 * those above it, system administrators (moving needs sight of both parents; see AssociationAdminService).
 */
@Route("associations/staff")
@PermitAll
class AssociationStaffView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DateTimeFormatter time;
    private final DateTimeFormatter day;

    private final AssociationStaffService staff;
    private final AssociationAdminService admin;
    private final long currentUserId;
    private long associationId;
    private String associationName;
    private AssociationAdminService.Settings settings;
    private AssociationAdminService.Members memberList = new AssociationAdminService.Members(List.of(), 0, List.of());
    final H2 title = new H2();
    final TextField name = new TextField();
    final Button rename = new Button();
    final Paragraph place = new Paragraph();
    final Select<Association> parent = new Select<>();
    final Button move = new Button();
    final HorizontalLayout moveForm = new HorizontalLayout(parent, move);
    final Grid<Administrator> administrators = new Grid<>();
    final Grid<InvitationSummary> invitations = new Grid<>();
    final TextField inviteeName = new TextField();
    final TextField inviteeEmail = new TextField();
    final Button invite = new Button();
    final Div issued = new Div();
    final TextField memberFilter = new TextField();
    final Grid<MemberFacility> members = new Grid<>();
    final Paragraph unlisted = new Paragraph();

    AssociationStaffView(AssociationStaffService staff, AssociationAdminService admin, UserAccountService accounts, Clock clock) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.day = TimeFormat.DAY.in(clock);
        this.staff = staff;
        this.admin = admin;
        this.currentUserId = accounts.requireCurrentUser().id();
        setMaxWidth("72rem");

        name.setLabel(getTranslation("association.name"));
        name.setMaxLength(200);
        name.setWidth("24rem");
        name.setMaxWidth("100%");
        rename.setText(getTranslation("associationPeople.rename"));
        rename.addClickListener(e -> confirmRename());
        parent.setLabel(getTranslation("associationPeople.newParent"));
        parent.setItemLabelGenerator(a -> a == null ? getTranslation("associationPeople.topLevel") : a.name());
        parent.setEmptySelectionCaption(getTranslation("associationPeople.topLevel"));
        parent.setWidth("24rem");
        parent.setMaxWidth("100%");
        move.setText(getTranslation("associationPeople.move"));
        move.addClickListener(e -> confirmMove());
        moveForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        // on a phone the button goes below the field instead of past the screen's edge
        moveForm.setWrap(true);
        moveForm.setWidthFull();

        administrators.addColumn(Administrator::displayName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        administrators.addColumn(Administrator::username).setHeader(getTranslation("account.username"));
        administrators.addColumn(a -> time.format(a.since())).setHeader(getTranslation("members.since")).setAutoWidth(true).setFlexGrow(0);
        administrators.addComponentColumn(this::removeButton).setHeader("").setFlexGrow(0).setWidth("8rem");
        administrators.setAllRowsVisible(true);

        invitations.addColumn(InvitationSummary::inviteeName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        invitations.addColumn(i -> i.inviteeEmail().orElse(getTranslation("associationPeople.noAddress")))
                .setHeader(getTranslation("email.label")).setFlexGrow(2)
                .setTooltipGenerator(i -> i.inviteeEmail().orElse("")); // a long address is cut: whole on hover
        invitations.addColumn(InvitationSummary::invitedBy).setHeader(getTranslation("associationStaff.invitedBy")).setAutoWidth(true);
        // dates and the status at their full width (they were cut to 「2026-12-0…」 at 1366 px); the names and addresses give way
        invitations.addColumn(i -> time.format(i.resentAt().orElse(i.createdAt()))).setHeader(getTranslation("associationStaff.invitedAt"))
                .setAutoWidth(true).setFlexGrow(0);
        invitations.addColumn(i -> time.format(i.expiresAt())).setHeader(getTranslation("invitation.expires")).setAutoWidth(true).setFlexGrow(0);
        invitations.addColumn(i -> getTranslation("invitationStatus." + i.status().name())).setHeader(getTranslation("assessment.col.status"))
                .setAutoWidth(true).setFlexGrow(0);
        invitations.addComponentColumn(this::invitationActions).setHeader("").setFlexGrow(0).setWidth("14rem");
        invitations.setAllRowsVisible(true);

        inviteeName.setLabel(getTranslation("invitation.inviteeName"));
        inviteeName.setMaxLength(200);
        inviteeEmail.setLabel(getTranslation("associationPeople.inviteeEmail"));
        inviteeEmail.setHelperText(getTranslation("associationPeople.inviteeEmail.help"));
        inviteeEmail.setMaxLength(EmailAddress.MAX_LENGTH);
        inviteeEmail.setWidth("20rem");
        inviteeEmail.setMaxWidth("100%");
        // a plain text field: the one rule (EmailAddress) accepts full-width input from an IME, which a browser's
        // e-mail field would refuse on its own
        inviteeEmail.getElement().setAttribute("inputmode", "email");
        inviteeEmail.getElement().setAttribute("autocomplete", "off");
        invite.setText(getTranslation("associationPeople.invite"));
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setDisableOnClick(true);
        invite.addClickListener(e -> invite());
        issued.addClassName("invitation-issued");

        memberFilter.setPlaceholder(getTranslation("associationPeople.memberFilter"));
        memberFilter.setAriaLabel(getTranslation("associationPeople.memberFilter"));
        memberFilter.setClearButtonVisible(true);
        memberFilter.setValueChangeMode(ValueChangeMode.LAZY);
        memberFilter.addValueChangeListener(e -> showMembers());
        members.addColumn(MemberFacility::name).setHeader(getTranslation("associationPeople.facility")).setFlexGrow(3);
        members.addColumn(m -> getTranslation("facilityType." + m.type().name())).setHeader(getTranslation("facility.type"));
        members.addColumn(m -> m.municipality() == null ? "" : m.municipality()).setHeader(getTranslation("associationPeople.municipality"));
        members.addColumn(m -> day.format(m.joinedAt())).setHeader(getTranslation("associationPeople.joined")).setAutoWidth(true).setFlexGrow(0);
        members.addComponentColumn(this::memberActions).setHeader("").setFlexGrow(0).setWidth("12rem");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        associationId = id;
        var current = staff.staff(id);
        settings = admin.settings(id);
        memberList = admin.members(id);
        associationName = current.association().name();
        removeAll();
        HorizontalLayout renameForm = new HorizontalLayout(name, rename);
        renameForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        renameForm.setWrap(true);
        renameForm.setWidthFull();
        HorizontalLayout form = new HorizontalLayout(inviteeName, inviteeEmail, invite);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        Paragraph hint = new Paragraph(getTranslation("associationPeople.inviteHint"));
        hint.addClassName("hint");
        Paragraph membersHint = new Paragraph(getTranslation("associationPeople.membersHint"));
        membersHint.addClassName("hint");
        add(new RouterLink(getTranslation("associationStaff.back"), AssociationRollupView.class, id), title,
                new H3(getTranslation("associationPeople.settings")), renameForm, place, moveForm,
                new H3(getTranslation("associationStaff.administrators")), administrators,
                new H3(getTranslation("associationStaff.invite")), hint, form, issued,
                new H3(getTranslation("associationStaff.invitations")), invitations,
                new H3(getTranslation("associationPeople.members")), membersHint, memberFilter, members, unlisted);
        name.setValue(associationName);
        showSettings();
        show(current);
        showMembers();
    }

    // ---- name and place ----

    private void showSettings() {
        associationName = settings.association().name();
        title.setText(getTranslation("associationPeople.title", associationName));
        place.setText(settings.parent()
                .map(p -> getTranslation("associationPeople.parent", p.name()))
                .orElse(getTranslation("associationPeople.parentNone")));
        moveForm.setVisible(settings.movable());
        parent.setEmptySelectionAllowed(settings.topLevelChoice());
        parent.setItems(settings.parentChoices());
        parent.clear();
        parent.setInvalid(false);
    }

    void confirmRename() {
        List<String> problems = AssociationAdminService.nameProblems(name.getValue());
        if (!problems.isEmpty()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation(problems.getFirst()));
            return;
        }
        name.setInvalid(false);
        String newName = name.getValue().strip();
        if (newName.equals(associationName)) {
            return;
        }
        long version = settings.version();
        confirm(getTranslation("associationPeople.rename.confirmTitle"),
                getTranslation("associationPeople.rename.confirm", associationName, newName),
                getTranslation("associationPeople.rename"), false, () -> {
                    admin.rename(associationId, version, newName);
                    Notification.show(getTranslation("associationPeople.renamed", newName))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    settings = admin.settings(associationId);
                    name.setValue(settings.association().name());
                    showSettings();
                });
    }

    void confirmMove() {
        if (parent.isEmpty() && !settings.topLevelChoice()) {
            parent.setInvalid(true);
            parent.setErrorMessage(getTranslation("associationPeople.error.chooseParent"));
            return;
        }
        parent.setInvalid(false);
        Association target = parent.getValue();
        long version = settings.version();
        String from = settings.parent().map(Association::name).orElse(getTranslation("associationPeople.topLevel"));
        String to = target == null ? getTranslation("associationPeople.topLevel") : target.name();
        confirm(getTranslation("associationPeople.move.confirmTitle"),
                getTranslation("associationPeople.move.confirm", associationName, from, to),
                getTranslation("associationPeople.move"), false, () -> {
                    admin.move(associationId, version, target == null ? null : target.id());
                    Notification.show(getTranslation("associationPeople.moved", associationName, to))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    settings = admin.settings(associationId);
                    showSettings();
                });
    }

    // ---- administrators and invitations ----

    void invite() {
        inviteeName.setInvalid(false);
        inviteeEmail.setInvalid(false);
        try {
            var created = staff.invite(associationId, inviteeName.getValue(), inviteeEmail.getValue());
            showIssued(inviteeName.getValue().strip(), created);
            inviteeName.clear();
            inviteeEmail.clear();
            inviteeName.setInvalid(false);
            inviteeEmail.setInvalid(false);
            show(staff.staff(associationId));
        } catch (InvalidInputException e) {
            for (String key : e.messageKeys()) {
                TextField field = key.startsWith("email.") ? inviteeEmail : inviteeName;
                if (!field.isInvalid()) {
                    field.setInvalid(true);
                    field.setErrorMessage(getTranslation(key));
                }
            }
        } finally {
            invite.setEnabled(true);
        }
    }

    /** The code and link just issued (or replaced): shown once, each with a copy button. */
    private void showIssued(String invitee, AssociationStaffService.IssuedInvitation created) {
        issued.removeAll();
        String expires = time.format(created.expiresAt());
        issued.add(new Paragraph(created.mailedTo()
                .map(to -> getTranslation("associationPeople.issuedMailed", invitee, to, expires))
                .orElse(getTranslation("associationPeople.issued", invitee, expires))),
                new CopyableText(getTranslation("associationPeople.link"), created.link().toString()),
                new CopyableText(getTranslation("invitation.code"), created.code()));
    }

    private Button removeButton(Administrator administrator) {
        Button remove = new Button(getTranslation("associationStaff.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        // nobody removes themselves (the service refuses it too)
        remove.setVisible(administrator.userId() != currentUserId);
        remove.addClickListener(e -> confirm(getTranslation("associationStaff.remove.confirmTitle"),
                getTranslation("associationStaff.remove.confirm", administrator.displayName(), associationName),
                getTranslation("associationStaff.remove"), true,
                () -> staff.removeAdministrator(associationId, administrator.userId())));
        return remove;
    }

    private HorizontalLayout invitationActions(InvitationSummary invitation) {
        Button resend = new Button(getTranslation("associationPeople.resend"));
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resend.setVisible(invitation.resendable());
        resend.addClickListener(e -> confirm(getTranslation("associationPeople.resend.confirmTitle"),
                invitation.inviteeEmail()
                        .map(to -> getTranslation("associationPeople.resend.confirmMail", invitation.inviteeName(), to))
                        .orElse(getTranslation("associationPeople.resend.confirm", invitation.inviteeName())),
                getTranslation("associationPeople.resend"), false,
                () -> showIssued(invitation.inviteeName(), staff.resend(invitation.id()))));
        Button revoke = new Button(getTranslation("associationStaff.revoke"));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setVisible(invitation.status() == InvitationState.OPEN);
        revoke.addClickListener(e -> confirm(getTranslation("associationPeople.revoke.confirmTitle"),
                getTranslation("associationPeople.revoke.confirm", invitation.inviteeName()),
                getTranslation("associationStaff.revoke"), true, () -> staff.revoke(invitation.id())));
        HorizontalLayout actions = new HorizontalLayout(resend, revoke);
        actions.setSpacing(false);
        return actions;
    }

    // ---- member facilities ----

    private void showMembers() {
        String filter = memberFilter.getValue().strip().toLowerCase(Locale.ROOT);
        List<MemberFacility> shown = memberList.listed().stream()
                .filter(m -> filter.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(filter)
                        || (m.municipality() != null && m.municipality().contains(filter)))
                .toList();
        members.setItems(shown);
        Grids.fitRows(members, shown.size());
        unlisted.setText(memberList.unlisted() == 0 ? ""
                : getTranslation("associationPeople.unlisted", memberList.unlisted()));
        unlisted.setVisible(memberList.unlisted() > 0);
    }

    private HorizontalLayout memberActions(MemberFacility member) {
        Button remove = new Button(getTranslation("associationPeople.removeMember"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> confirm(getTranslation("associationPeople.removeMember.confirmTitle"),
                getTranslation("associationPeople.removeMember.confirm", member.name(), associationName),
                getTranslation("associationPeople.removeMember"), true,
                () -> admin.removeFacility(associationId, member.facilityId())));
        Button moveMember = new Button(getTranslation("associationPeople.moveMember"));
        moveMember.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        moveMember.setVisible(!memberList.moveTargets().isEmpty());
        moveMember.addClickListener(e -> openMoveMember(member));
        HorizontalLayout actions = new HorizontalLayout(moveMember, remove);
        actions.setSpacing(false);
        return actions;
    }

    /** Moving a member: choose where, then confirm in the same dialog (nothing moves before the button). */
    Dialog openMoveMember(MemberFacility member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("associationPeople.moveMember.confirmTitle"));
        ComboBox<Association> target = new ComboBox<>(getTranslation("associationPeople.moveMember.target"));
        target.setItems(memberList.moveTargets());
        target.setItemLabelGenerator(Association::name);
        target.setWidthFull();
        Paragraph text = new Paragraph(getTranslation("associationPeople.moveMember.choose", member.name(), associationName));
        Button confirm = new Button(getTranslation("associationPeople.moveMember"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        target.addValueChangeListener(v -> {
            confirm.setEnabled(v.getValue() != null);
            text.setText(v.getValue() == null
                    ? getTranslation("associationPeople.moveMember.choose", member.name(), associationName)
                    : getTranslation("associationPeople.moveMember.confirm", member.name(), associationName, v.getValue().name()));
        });
        confirm.addClickListener(c -> {
            dialog.close();
            act(() -> {
                admin.moveFacility(associationId, member.facilityId(), target.getValue().id());
                Notification.show(getTranslation("associationPeople.memberMoved", member.name(), target.getValue().name()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
        });
        Button cancel = new Button(getTranslation("common.cancel"), c -> dialog.close());
        dialog.add(text, target);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        return dialog;
    }

    // ---- shared ----

    private void confirm(String header, String text, String confirmText, boolean destructive, Runnable change) {
        Confirmation.ask(header, text, confirmText, destructive, () -> act(change));
    }

    /**
     * Runs a confirmed change and shows the fresh state. A refusal (someone else was quicker, the input broke a rule)
     * is said; what the user typed stays in its field.
     */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (ConflictException e) {
            // renamed or moved by someone else meanwhile: show theirs, keep the typed name to apply again
            String typed = name.getValue();
            settings = admin.settings(associationId);
            showSettings();
            name.setValue(typed);
            Notification.show(getTranslation(e.getMessage(), associationName)).addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (InvalidInputException e) {
            String message = getTranslation(e.messageKeys().getFirst());
            if (e.messageKeys().getFirst().startsWith("association.error.name")) {
                name.setInvalid(true);
                name.setErrorMessage(message);
            } else {
                Notification.show(message).addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
        }
        show(staff.staff(associationId));
        memberList = admin.members(associationId);
        showMembers();
    }

    private void show(AssociationStaffService.Staff current) {
        administrators.setItems(current.administrators());
        invitations.setItems(current.invitations());
    }

    @Override
    public String getPageTitle() {
        return (associationName == null ? "" : associationName + " | ") + getTranslation("app.title");
    }
}
