package jp.kakaritsuke.associations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.kakaritsuke.base.OneTimeInvitation;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to become an administrator of an association: the same one-time invitation as a facility's
 * ({@link OneTimeInvitation}), accepted, revoked and resent by one conditional UPDATE each in
 * {@link AssociationInvitationRepository}, whose condition decides a race.
 */
@Entity
@Table(name = "association_invitation")
public class AssociationInvitation extends OneTimeInvitation {

    @Column(name = "association_id", nullable = false)
    private long associationId;

    protected AssociationInvitation() {
    }

    public AssociationInvitation(long associationId, String codeHash, String inviteeName, @Nullable String inviteeEmail,
                                 long createdBy, Instant createdAt, Instant expiresAt) {
        super(codeHash, inviteeName, inviteeEmail, createdBy, createdAt, expiresAt);
        this.associationId = associationId;
    }

    public long getAssociationId() {
        return associationId;
    }
}
