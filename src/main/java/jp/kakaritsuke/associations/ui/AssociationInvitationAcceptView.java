package jp.kakaritsuke.associations.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.InvitationAcceptPage;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;

/**
 * Where an invited association administrator accepts (the shared page: {@link InvitationAcceptPage}): with the account
 * they are logged in with (a director who also serves the association), or with a new one whose password they set
 * here. The new-account form starts with the name and address the invitation was made for.
 */
@Route(value = "association-invite", autoLayout = false)
@AnonymousAllowed
class AssociationInvitationAcceptView extends InvitationAcceptPage {

    private final DateTimeFormatter time;
    private final AssociationStaffService staff;

    AssociationInvitationAcceptView(AssociationStaffService staff, UserAccountService accounts, Clock clock) {
        super(accounts.currentUser().map(CurrentUser::displayName),
                new Texts("associationInvite.title", "associationInvite.acceptAs", "associationInvite.newAccount",
                        "associationInvite.haveAccount"),
                UserAccountService.MIN_PASSWORD_LENGTH, UserAccountService.MAX_PASSWORD_LENGTH,
                e -> e instanceof AccountException a ? Optional.of(a.messageKeys()) : Optional.empty());
        this.time = TimeFormat.MINUTE.in(clock);
        this.staff = staff;
    }

    @Override
    protected Optional<Invitee> lookup(String code) {
        return staff.lookup(code).map(i -> new Invitee(getTranslation("associationInvite.for", i.inviteeName(),
                i.associationName(), time.format(i.expiresAt())), i.inviteeName(), i.inviteeEmail()));
    }

    @Override
    protected Done acceptWithNewAccount(String code, String username, String displayName, String email, String password,
                                        String confirm) {
        staff.accept(code, username, displayName, email, password, confirm);
        return new Done(getTranslation("associationInvite.done"), new Anchor("login", getTranslation("invitation.toLogin")));
    }

    @Override
    protected Done acceptWithCurrentUser(String code) {
        staff.acceptAsCurrentUser(code);
        return new Done(getTranslation("associationInvite.done"),
                new Anchor("associations", getTranslation("associationInvite.toAssociations")));
    }
}
