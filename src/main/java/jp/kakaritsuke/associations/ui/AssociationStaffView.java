package jp.kakaritsuke.associations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.kakaritsuke.associations.domain.AssociationInvitation;
import jp.kakaritsuke.associations.domain.AssociationInvitationRepository.Administrator;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.associations.service.AssociationStaffService.InvitationSummary;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.AppLinks;
import jp.kakaritsuke.identity.service.UserAccountService;

/**
 * An association's staff: its administrators, inviting another (the code is shown once), open invitations (revocable).
 * The service decides who may: the association's own administrators, those above it, system administrators.
 */
@Route("associations/staff")
@PermitAll
class AssociationStaffView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

    private final AssociationStaffService staff;
    private final long currentUserId;
    private long associationId;
    private String associationName;
    final Grid<Administrator> administrators = new Grid<>();
    final Grid<InvitationSummary> invitations = new Grid<>();
    final TextField inviteeName = new TextField();
    final Button invite = new Button();
    final Div issued = new Div();

    AssociationStaffView(AssociationStaffService staff, UserAccountService accounts) {
        this.staff = staff;
        this.currentUserId = accounts.requireCurrentUser().id();
        setMaxWidth("72rem");
        administrators.addColumn(Administrator::displayName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        administrators.addColumn(Administrator::username).setHeader(getTranslation("account.username"));
        administrators.addColumn(a -> DATE.format(a.since())).setHeader(getTranslation("members.since"));
        administrators.addComponentColumn(this::removeButton).setHeader("").setFlexGrow(0).setWidth("8rem");
        administrators.setAllRowsVisible(true);

        invitations.addColumn(InvitationSummary::inviteeName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        invitations.addColumn(InvitationSummary::invitedBy).setHeader(getTranslation("associationStaff.invitedBy"));
        invitations.addColumn(i -> DATE.format(i.createdAt())).setHeader(getTranslation("associationStaff.invitedAt"));
        invitations.addColumn(i -> DATE.format(i.expiresAt())).setHeader(getTranslation("invitation.expires"));
        invitations.addColumn(i -> getTranslation("invitationStatus." + i.status().name())).setHeader(getTranslation("assessment.col.status"));
        invitations.addComponentColumn(this::revokeButton).setHeader("").setFlexGrow(0).setWidth("8rem");
        invitations.setAllRowsVisible(true);

        inviteeName.setLabel(getTranslation("invitation.inviteeName"));
        inviteeName.setMaxLength(200);
        invite.setText(getTranslation("invitation.create"));
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.addClickListener(e -> invite());
        issued.addClassName("invitation-issued");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        associationId = id;
        var current = staff.staff(id);
        associationName = current.association().name();
        removeAll();
        HorizontalLayout form = new HorizontalLayout(inviteeName, invite);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph hint = new Paragraph(getTranslation("associationStaff.hint"));
        hint.addClassName("hint");
        add(new RouterLink(getTranslation("associationStaff.back"), AssociationRollupView.class, id),
                new H2(getTranslation("associationStaff.title", associationName)),
                new H3(getTranslation("associationStaff.administrators")), administrators,
                new H3(getTranslation("associationStaff.invite")), hint, form, issued,
                new H3(getTranslation("associationStaff.invitations")), invitations);
        show(current);
    }

    void invite() {
        try {
            var created = staff.invite(associationId, inviteeName.getValue());
            issued.removeAll();
            issued.add(new Paragraph(getTranslation("associationStaff.issued", inviteeName.getValue(), created.code(),
                    DATE.format(created.expiresAt()))), new Paragraph(AppLinks.absolute("association-invite/" + created.code())));
            inviteeName.clear();
            inviteeName.setInvalid(false);
            show(staff.staff(associationId));
        } catch (InvalidInputException e) {
            inviteeName.setInvalid(true);
            inviteeName.setErrorMessage(getTranslation(e.messageKeys().getFirst()));
        }
    }

    private Button removeButton(Administrator administrator) {
        Button remove = new Button(getTranslation("associationStaff.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        // nobody removes themselves (the service refuses it too)
        remove.setVisible(administrator.userId() != currentUserId);
        remove.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("associationStaff.remove.confirmTitle"));
            confirm.setText(getTranslation("associationStaff.remove.confirm", administrator.displayName(), associationName));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmText(getTranslation("associationStaff.remove"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> act(() -> staff.removeAdministrator(associationId, administrator.userId())));
            confirm.open();
        });
        return remove;
    }

    private Button revokeButton(InvitationSummary invitation) {
        Button revoke = new Button(getTranslation("associationStaff.revoke"));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        revoke.setVisible(invitation.status() == AssociationInvitation.Status.OPEN);
        revoke.addClickListener(e -> act(() -> staff.revoke(invitation.id())));
        return revoke;
    }

    /** Runs a change and shows the fresh state; a refusal (someone else was quicker) is said, nothing breaks. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            Notification.show(getTranslation(e.messageKeys().getFirst())).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        show(staff.staff(associationId));
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
