package jp.kakaritsuke.associations.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.base.FacilityKind;
import org.springframework.context.ApplicationEventPublisher;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.AssociationEntity;
import jp.kakaritsuke.associations.domain.AssociationEntityRepository;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.facility.domain.FacilityListing;
import jp.kakaritsuke.facility.service.FacilityDirectory;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * Issue 13: whoever sees an association renames it; an association moves to another parent only by someone who sees
 * both the old and the new parent (the top level is the system administrators'); members are removed from an
 * association, or moved to another the caller sees. Every change is audited. Inviting staff is
 * {@link AssociationStaffService}.
 */
@Service
public class AssociationAdminService {

    private final AssociationRepository associations;
    private final AssociationEntityRepository entities;
    private final FacilityDirectory facilities;
    private final AssociationAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public AssociationAdminService(AssociationRepository associations, AssociationEntityRepository entities,
                                   FacilityDirectory facilities, AssociationAccess access, Clock clock,
                                   ApplicationEventPublisher events) {
        this.events = events;
        this.associations = associations;
        this.entities = entities;
        this.facilities = facilities;
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
        CurrentUser user = access.currentUser();
        if (!user.admin()) {
            if (parentId == null) {
                throw new AccessDeniedException("only administrators create top-level associations");
            }
            access.requireVisible(parentId);
        }
        AssociationTree tree = associations.tree();
        List<String> errors = new ArrayList<>(nameProblems(name));
        if (level == null) {
            errors.add("association.error.level");
        }
        if (prefecture == null || !Prefectures.ALL.contains(prefecture)) {
            errors.add("association.error.prefecture");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!parentFits(level, prefecture, parentId == null ? null : tree.get(parentId).orElse(null), parentId)) {
            throw new InvalidInputException(List.of("association.error.parent"));
        }
        long id = entities.save(new AssociationEntity(name.strip(), level, prefecture, parentId, clock.instant())).getId();
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_CREATED, id, null,
                name.strip() + (parentId == null ? "" : ", parent " + parentId)));
        return id;
    }

    /** The rule for an association's name (creating and renaming): message keys, empty when fine. */
    public static List<String> nameProblems(String name) {
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add("association.error.name");
        }
        errors.addAll(TextRules.problems("association.error.name", name));
        return errors;
    }

    /**
     * Where an association may sit (creating and moving): national at the top; prefectural at the top or under the
     * national one; municipal under the prefectural association of its own prefecture. {@code parent} is the parent
     * with the id {@code parentId}, null if there is none or it does not exist.
     */
    private static boolean parentFits(AssociationLevel level, String prefecture, Association parent, Long parentId) {
        return switch (level) {
            case NATIONAL -> parentId == null;
            case PREFECTURAL -> parentId == null || (parent != null && parent.level() == AssociationLevel.NATIONAL);
            case MUNICIPAL -> parent != null && parent.level() == AssociationLevel.PREFECTURAL
                    && parent.prefecture().equals(prefecture);
        };
    }

    /** What the caller may create: top-level associations (administrators only) and under which parents. */
    public record CreateOptions(boolean topLevel, List<Association> parents) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CreateOptions createOptions() {
        CurrentUser user = access.currentUser();
        AssociationTree tree = associations.tree();
        Set<Long> visible = access.visible(user);
        // a 郡市区医師会 has nothing below it
        List<Association> parents = tree.all().stream()
                .filter(a -> visible.contains(a.id()) && a.level() != AssociationLevel.MUNICIPAL)
                .sorted(Association.HIERARCHY_ORDER)
                .toList();
        return new CreateOptions(user.admin(), parents);
    }

    /**
     * Adds an existing facility as a member: administrators only. Membership brings a consenting facility's results
     * into the association's sight, so an association's staff cannot pick facilities by id; they add members by
     * registering them (the member import, {@link #addImported}).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void addFacility(long associationId, long facilityId) {
        access.requireVisible(associationId);
        add(associationId, facilityId);
    }

    /** A facility the member import has just registered for this association (its caller checked visibility). */
    @Transactional
    void addImported(long associationId, long facilityId) {
        add(associationId, facilityId);
    }

    private void add(long associationId, long facilityId) {
        try {
            associations.addFacility(associationId, facilityId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(List.of("association.error.alreadyMember"));
        }
        events.publishEvent(new AuditEvent(AuditAction.ASSOCIATION_MEMBER_ADDED, facilityId, associationId, null, null));
    }

    // ---- issue 13: rename and move associations; remove and move member facilities ----

    /**
     * The association's name and place as its settings show them. {@code parentChoices} are the parents the caller may
     * move it to (empty: it cannot be moved by them); {@code topLevelChoice}: they may also make it a top-level one.
     */
    public record Settings(Association association, long version, Optional<Association> parent,
                           List<Association> parentChoices, boolean topLevelChoice) {

        public boolean movable() {
            return topLevelChoice || !parentChoices.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Settings settings(long associationId) {
        CurrentUser user = access.requireVisible(associationId);
        AssociationTree tree = associations.tree();
        Association association = tree.get(associationId).orElseThrow();
        long version = entities.findById(associationId).orElseThrow().getVersion();
        Set<Long> visible = access.visible(user);
        Optional<Association> parent = Optional.ofNullable(association.parentId()).flatMap(tree::get);
        if (!sees(user, visible, association.parentId())) {
            return new Settings(association, version, parent, List.of(), false);
        }
        List<Association> choices = tree.all().stream()
                .filter(p -> !Objects.equals(p.id(), association.parentId()) && visible.contains(p.id()))
                .filter(p -> parentFits(association.level(), association.prefecture(), p, p.id()))
                .sorted(Association.HIERARCHY_ORDER)
                .toList();
        boolean topLevel = user.admin() && association.parentId() != null
                && parentFits(association.level(), association.prefecture(), null, null);
        return new Settings(association, version, parent, choices, topLevel);
    }

    /**
     * Renames the association. Whoever sees it (its own administrators, those above it, system administrators) may;
     * the name follows the rule of {@link #create}. {@code expectedVersion} is the version the caller saw: if someone
     * renamed or moved it meanwhile, {@link ConflictException} and nothing changes. Returns the new version.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long rename(long associationId, long expectedVersion, String name) {
        access.requireVisible(associationId);
        List<String> errors = nameProblems(name);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AssociationEntity association = editable(associationId, expectedVersion);
        String oldName = association.getName();
        String newName = name.strip();
        association.rename(newName);
        long version = flush(association);
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_RENAMED, associationId, null,
                oldName + " -> " + newName));
        return version;
    }

    /**
     * Puts the association under another parent ({@code null}: top level). Allowed to whoever sees both the old and
     * the new parent — the top level counts as seen by system administrators only — so a 都道府県医師会 moves a
     * 郡市区医師会 between its own associations, and the national association's staff put a 都道府県医師会 under theirs
     * only if they already see it; the new place must fit its level ({@link #create}'s rule). A new parent the caller
     * does not see answers as one that does not exist; an old one they do not see is refused (403).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long move(long associationId, long expectedVersion, Long newParentId) {
        CurrentUser user = access.requireVisible(associationId);
        AssociationTree tree = associations.tree();
        Association association = tree.get(associationId).orElseThrow();
        Set<Long> visible = access.visible(user);
        Association newParent = null;
        if (newParentId != null) {
            newParent = tree.get(newParentId).filter(p -> visible.contains(p.id()))
                    .orElseThrow(() -> new NotFoundException("association", String.valueOf(newParentId)));
        }
        if (!sees(user, visible, association.parentId()) || !sees(user, visible, newParentId)) {
            throw new AccessDeniedException("moving an association needs sight of both parents");
        }
        if (Objects.equals(association.parentId(), newParentId)) {
            throw new InvalidInputException(List.of("associationPeople.error.sameParent"));
        }
        if (!parentFits(association.level(), association.prefecture(), newParent, newParentId)) {
            throw new InvalidInputException(List.of("association.error.parent"));
        }
        AssociationEntity entity = editable(associationId, expectedVersion);
        entity.moveUnder(newParentId);
        long version = flush(entity);
        String detail = "parent " + describe(tree, association.parentId()) + " -> " + describe(tree, newParentId);
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_MOVED, associationId, null, detail));
        // the old parent's staff no longer see the association: the event is on their record too
        if (association.parentId() != null) {
            events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_MOVED, association.parentId(), null,
                    association.name() + ": " + detail));
        }
        return version;
    }

    /** The association as the caller saw it ({@code expectedVersion}); someone changed it since: the conflict. */
    private AssociationEntity editable(long associationId, long expectedVersion) {
        AssociationEntity entity = entities.findById(associationId)
                .orElseThrow(() -> new NotFoundException("association", String.valueOf(associationId)));
        if (entity.getVersion() != expectedVersion) {
            throw new ConflictException("associationPeople.error.stale");
        }
        return entity;
    }

    /**
     * Writes the change now: the version check happens in the UPDATE (someone who changed the row after this
     * transaction read it makes it match nothing), and the hierarchy, read by SQL, sees the change. Returns the new
     * version.
     */
    private long flush(AssociationEntity entity) {
        try {
            entities.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("associationPeople.error.stale");
        }
        return entity.getVersion();
    }

    /** The top level (null) is seen by system administrators only. */
    private static boolean sees(CurrentUser user, Set<Long> visible, Long associationId) {
        return user.admin() || (associationId != null && visible.contains(associationId));
    }

    private static String describe(AssociationTree tree, Long associationId) {
        return associationId == null ? "(top level)"
                : tree.get(associationId).map(a -> a.name() + " #" + a.id()).orElse("#" + associationId);
    }

    /** A member facility as the association's register shows it: no results, no people, no progress. */
    public record MemberFacility(long facilityId, String name, FacilityKind type, String municipality, Instant joinedAt) {
    }

    /**
     * The association's direct members the caller may name ({@code listed}), how many others it has ({@code unlisted}:
     * members that did not consent to be seen identified and that someone has joined, named to system administrators
     * only), and the associations a member can be moved to (those the caller sees, this one excepted).
     */
    public record Members(List<MemberFacility> listed, int unlisted, List<Association> moveTargets) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Members members(long associationId) {
        CurrentUser user = access.requireVisible(associationId);
        List<MemberFacility> listed = new ArrayList<>();
        int unlisted = 0;
        List<AssociationRepository.Membership> memberships = associations.memberships(associationId);
        Map<Long, FacilityListing> listings = facilities.listings(
                memberships.stream().map(AssociationRepository.Membership::facilityId).toList());
        for (AssociationRepository.Membership m : memberships) {
            FacilityListing f = listings.get(m.facilityId());
            if (f != null && nameable(user, f)) {
                listed.add(new MemberFacility(f.id(), f.name(), f.type(), f.municipality(), m.joinedAt()));
            } else {
                unlisted++;
            }
        }
        listed.sort(Comparator.comparing(MemberFacility::name).thenComparingLong(MemberFacility::facilityId));
        Set<Long> visible = access.visible(user);
        List<Association> targets = associations.tree().all().stream()
                .filter(a -> a.id() != associationId && visible.contains(a.id()))
                .sorted(Association.HIERARCHY_ORDER)
                .toList();
        return new Members(listed, unlisted, targets);
    }

    /**
     * Ends a facility's membership of the association (its results, people and consent stay the facility's; the
     * association's figures no longer count it). The caller must see the association and be able to name the member
     * (see {@link #members}); any other facility answers as one that is not a member (404).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeFacility(long associationId, long facilityId) {
        CurrentUser user = access.requireVisible(associationId);
        requireNameableMember(user, associationId, facilityId);
        if (!associations.removeFacility(associationId, facilityId)) {
            throw new InvalidInputException(List.of("associationPeople.error.notMember"));
        }
        events.publishEvent(new AuditEvent(AuditAction.ASSOCIATION_MEMBER_REMOVED, facilityId, associationId, null,
                "facility " + facilityId));
    }

    /**
     * Moves a member facility from one association to another, in one transaction; the caller sees both (and can name
     * the member in the first). Already a member of the target: refused, nothing changes.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void moveFacility(long fromAssociationId, long facilityId, long toAssociationId) {
        CurrentUser user = access.requireVisible(fromAssociationId);
        access.requireVisible(toAssociationId);
        requireNameableMember(user, fromAssociationId, facilityId);
        if (fromAssociationId == toAssociationId) {
            throw new InvalidInputException(List.of("associationPeople.error.sameAssociation"));
        }
        if (associations.memberOfAny(facilityId, List.of(toAssociationId))) {
            throw new InvalidInputException(List.of("association.error.alreadyMember"));
        }
        if (!associations.removeFacility(fromAssociationId, facilityId)) {
            throw new InvalidInputException(List.of("associationPeople.error.notMember"));
        }
        try {
            associations.addFacility(toAssociationId, facilityId, clock.instant());
        } catch (DuplicateKeyException e) {
            // added there by someone else a moment ago: the removal rolls back with this
            throw new InvalidInputException(List.of("association.error.alreadyMember"));
        }
        String detail = "facility " + facilityId + ": association " + fromAssociationId + " -> " + toAssociationId;
        events.publishEvent(new AuditEvent(AuditAction.ASSOCIATION_MEMBER_MOVED, facilityId, toAssociationId, null, detail));
        events.publishEvent(new AuditEvent(AuditAction.ASSOCIATION_MEMBER_MOVED, facilityId, fromAssociationId, null, detail));
    }

    /**
     * Whom an association's staff may name in the register: members that consented to be seen identified, and members
     * nobody has joined yet (registered by the association's import, their first editor's code still out). System
     * administrators name all.
     */
    private static boolean nameable(CurrentUser user, FacilityListing member) {
        return user.admin() || member.consenting() || !member.hasMembers();
    }

    private void requireNameableMember(CurrentUser user, long associationId, long facilityId) {
        associations.membership(associationId, facilityId)
                .map(m -> facilities.listings(List.of(facilityId)).get(facilityId))
                .filter(f -> nameable(user, f))
                .orElseThrow(() -> new NotFoundException("facility", String.valueOf(facilityId)));
    }
}
