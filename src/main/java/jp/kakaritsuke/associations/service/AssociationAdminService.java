package jp.kakaritsuke.associations.service;

import java.time.Clock;
import java.util.List;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.base.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the hierarchy: administrators create associations and name their administrators; an association's
 * administrators add member facilities to it (or to an association below it).
 */
@Service
public class AssociationAdminService {

    private final AssociationRepository associations;
    private final AssociationAccess access;
    private final Clock clock;

    public AssociationAdminService(AssociationRepository associations, AssociationAccess access, Clock clock) {
        this.associations = associations;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long create(String name, AssociationLevel level, String prefecture, Long parentId) {
        AssociationTree tree = associations.tree();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException(List.of("association.error.name"));
        }
        // national: no parent; prefectural: no parent or the national one; municipal: its prefecture's association
        boolean parentOk = switch (level) {
            case NATIONAL -> parentId == null;
            case PREFECTURAL -> parentId == null
                    || tree.get(parentId).filter(p -> p.level() == AssociationLevel.NATIONAL).isPresent();
            case MUNICIPAL -> parentId != null && tree.get(parentId)
                    .filter(p -> p.level() == AssociationLevel.PREFECTURAL && p.prefecture().equals(prefecture)).isPresent();
        };
        if (!parentOk) {
            throw new InvalidInputException(List.of("association.error.parent"));
        }
        return associations.create(name.strip(), level, prefecture, parentId, clock.instant());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void addAdministrator(long associationId, long userId) {
        associations.addUser(associationId, userId, clock.instant());
    }

    /** Adds a facility as a member; the caller must see the association. Adding twice is refused clearly. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void addFacility(long associationId, long facilityId) {
        access.requireVisible(associationId);
        try {
            associations.addFacility(associationId, facilityId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(List.of("association.error.alreadyMember"));
        }
    }
}
