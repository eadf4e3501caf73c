package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.AppLinks;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;

/**
 * A facility's people: members, open invitations, and inviting someone. Editors invite viewers (e.g. board
 * members); administrators invite editors too. The code is shown once here and never stored in clear.
 */
@Route("facility")
@PermitAll
class FacilityMembersView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

    private final FacilityService facilities;
    private final InvitationService invitations;
    private final FacilityAccess access;
    private FacilityProfile facility;
    final Grid<FacilityService.Member> members = new Grid<>();
    final Grid<InvitationService.InvitationSummary> pending = new Grid<>();
    final TextField inviteeName = new TextField();
    final Select<MemberRole> role = new Select<>();
    final Button invite = new Button();
    final Div issued = new Div();
    final com.vaadin.flow.component.checkbox.Checkbox consent = new com.vaadin.flow.component.checkbox.Checkbox();

    FacilityMembersView(FacilityService facilities, InvitationService invitations, FacilityAccess access) {
        this.facilities = facilities;
        this.invitations = invitations;
        this.access = access;
        setMaxWidth("72rem");
    }

    @Override
    public void setParameter(BeforeEvent event, Long facilityId) {
        facility = facilities.get(facilityId);
        removeAll();
        boolean admin = access.currentUser().admin();
        boolean editor = admin || access.roleIn(facilityId).filter(r -> r == MemberRole.EDITOR).isPresent();

        members.addColumn(FacilityService.Member::displayName).setHeader(getTranslation("members.name"));
        members.addColumn(m -> getTranslation(FacilityForm.roleKey(m.role()))).setHeader(getTranslation("members.role"));
        members.addColumn(m -> DATE.format(m.since())).setHeader(getTranslation("members.since"));
        members.setAllRowsVisible(true);
        members.setItems(facilities.members(facilityId));
        add(new H2(facility.name()), new H3(getTranslation("members.title")), members);

        if (editor) {
            consent.setLabel(getTranslation("facility.consent"));
            consent.setHelperText(getTranslation("facility.consent.help"));
            consent.setValue(facilities.consent(facilityId));
            consent.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    facilities.setConsent(facilityId, e.getValue());
                }
            });
            add(consent);
            pending.addColumn(InvitationService.InvitationSummary::inviteeName).setHeader(getTranslation("members.name"));
            pending.addColumn(i -> getTranslation(FacilityForm.roleKey(i.role()))).setHeader(getTranslation("members.role"));
            pending.addColumn(i -> DATE.format(i.expiresAt())).setHeader(getTranslation("invitation.expires"));
            pending.addColumn(i -> i.acceptedAt() == null ? getTranslation("invitation.open") : DATE.format(i.acceptedAt()))
                    .setHeader(getTranslation("invitation.accepted"));
            pending.setAllRowsVisible(true);

            inviteeName.setLabel(getTranslation("invitation.inviteeName"));
            inviteeName.setMaxLength(200);
            role.setLabel(getTranslation("members.role"));
            role.setItems(admin ? List.of(MemberRole.EDITOR, MemberRole.VIEWER) : List.of(MemberRole.VIEWER));
            role.setItemLabelGenerator(r -> getTranslation(FacilityForm.roleKey(r)));
            role.setValue(MemberRole.VIEWER);
            invite.setText(getTranslation("invitation.create"));
            invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            invite.addClickListener(e -> invite());
            HorizontalLayout form = new HorizontalLayout(inviteeName, role, invite);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            issued.addClassName("invitation-issued");
            add(new H3(getTranslation("invitation.title")), new Paragraph(getTranslation("invitation.hint")), form, issued,
                    pending);
            refreshInvitations();
        }
    }

    void invite() {
        try {
            InvitationService.IssuedInvitation created = invitations.invite(facility.id(), role.getValue(), inviteeName.getValue());
            String link = AppLinks.absolute("invite/" + created.code());
            issued.removeAll();
            issued.add(new Paragraph(getTranslation("invitation.issued", inviteeName.getValue(), created.code(),
                    DATE.format(created.expiresAt()))), new Paragraph(link));
            inviteeName.clear();
            inviteeName.setInvalid(false);
            refreshInvitations();
        } catch (InvalidInputException e) {
            inviteeName.setInvalid(true);
            inviteeName.setErrorMessage(getTranslation(e.messageKeys().getFirst()));
        }
    }

    private void refreshInvitations() {
        pending.setItems(invitations.list(facility.id()));
    }

    @Override
    public String getPageTitle() {
        return (facility == null ? "" : facility.name() + " | ") + getTranslation("app.title");
    }
}
