package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.ui.InvitationAcceptPage;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;

/**
 * Where an invitee of a facility sets their user name and password, or — logged in, working for another facility —
 * joins with that account (the shared page: {@link InvitationAcceptPage}). Opened from the mail's link, the form starts
 * with the name and address the inviter gave.
 */
@Route(value = "invite", autoLayout = false)
@AnonymousAllowed
class InvitationAcceptView extends InvitationAcceptPage {

    private final InvitationService invitations;

    InvitationAcceptView(InvitationService invitations, UserAccountService accounts) {
        super(accounts.currentUser().map(CurrentUser::displayName),
                new Texts("invitation.accept.title", "invitation.acceptAs", "invitation.newAccount", "invitation.haveAccount"),
                UserAccountService.MIN_PASSWORD_LENGTH, UserAccountService.MAX_PASSWORD_LENGTH,
                e -> e instanceof AccountException a ? Optional.of(a.messageKeys()) : Optional.empty());
        this.invitations = invitations;
    }

    @Override
    protected Optional<Invitee> lookup(String code) {
        return invitations.lookup(code).map(i -> new Invitee(getTranslation("invitation.for", i.inviteeName(), i.facilityName(),
                getTranslation(FacilityForm.roleKey(i.role()))), i.inviteeName(), i.inviteeEmail().map(EmailAddress::value)));
    }

    @Override
    protected Done acceptWithNewAccount(String code, String username, String displayName, String email, String password,
                                        String confirm) {
        invitations.accept(code, username, displayName, email, password, confirm);
        return new Done(getTranslation("invitation.done"), new Anchor("login", getTranslation("invitation.toLogin")));
    }

    @Override
    protected Done acceptWithCurrentUser(String code) {
        String facilityName = invitations.lookup(code).map(InvitationService.PendingInvitation::facilityName).orElse("");
        invitations.acceptAsCurrentUser(code);
        return new Done(getTranslation("invitation.joined", facilityName), new Anchor("start", getTranslation("invitation.toStart")));
    }
}
