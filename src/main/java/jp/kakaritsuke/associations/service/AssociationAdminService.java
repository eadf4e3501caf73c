package jp.kakaritsuke.associations.service;

import java.time.Clock;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.facility.domain.Prefectures;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the hierarchy: administrators create associations; an association's
 * administrators create associations below theirs and add member facilities to it (or to an association below it).
 * Inviting staff is {@link AssociationStaffService}.
 */
@Service
public class AssociationAdminService {

    private final AssociationRepository associations;
    private final AssociationAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public AssociationAdminService(AssociationRepository associations, AssociationAccess access, Clock clock,
                                   ApplicationEventPublisher events) {
        this.events = events;
        this.associations = associations;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Creates an association. System administrators create any; an association's administrators create associations
     * below one they see (a 都道府県医師会 sets up its 郡市区医師会), never a new top-level one.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long create(String name, AssociationLevel level, String prefecture, Long parentId) {
        CurrentUser user = access.requireVisibleUser();
        if (!user.admin()) {
            if (parentId == null) {
                throw new AccessDeniedException("only administrators create top-level associations");
            }
            access.requireVisible(parentId);
        }
        AssociationTree tree = associations.tree();
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add("association.error.name");
        }
        errors.addAll(TextRules.problems("association.error.name", name));
        if (level == null) {
            errors.add("association.error.level");
        }
        if (prefecture == null || !Prefectures.ALL.contains(prefecture)) {
            errors.add("association.error.prefecture");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
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
        long id = associations.create(name.strip(), level, prefecture, parentId, clock.instant());
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_CREATED, id, null,
                name.strip() + (parentId == null ? "" : ", parent " + parentId)));
        return id;
    }

    /** What the caller may create: top-level associations (administrators only) and under which parents. */
    public record CreateOptions(boolean topLevel, List<Association> parents) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CreateOptions createOptions() {
        CurrentUser user = access.requireVisibleUser();
        AssociationTree tree = associations.tree();
        Set<Long> visible = access.visible(user);
        // a 郡市区医師会 has nothing below it
        List<Association> parents = tree.all().stream()
                .filter(a -> visible.contains(a.id()) && a.level() != AssociationLevel.MUNICIPAL)
                .sorted(Association.HIERARCHY_ORDER)
                .toList();
        return new CreateOptions(user.admin(), parents);
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
