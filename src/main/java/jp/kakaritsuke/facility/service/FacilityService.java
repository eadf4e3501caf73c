package jp.kakaritsuke.facility.service;

import java.time.Clock;
import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.FacilityChanged;
import jp.kakaritsuke.base.FacilityKind;
import org.springframework.context.ApplicationEventPublisher;
import jp.kakaritsuke.base.InvalidInputException;
import java.util.List;
import jp.kakaritsuke.facility.domain.Facility;
import jp.kakaritsuke.facility.domain.FacilityMember;
import jp.kakaritsuke.facility.domain.FacilityMemberRepository;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityRepository;
import jp.kakaritsuke.facility.domain.FacilitySummary;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facilities and their members. Authorisation per facility through {@link FacilityAccess}. */
@Service
public class FacilityService {

    static final int MAX_PAGE = 500;
    static final int MAX_TERMS = 5;

    private final FacilityRepository facilities;
    private final FacilityMemberRepository members;
    private final FacilityAccess access;
    private final UserAccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public FacilityService(FacilityRepository facilities, FacilityMemberRepository members, FacilityAccess access,
                           UserAccountService accounts, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.facilities = facilities;
        this.members = members;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Administrators create facilities; so do association administrators (their member import). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public FacilityProfile create(FacilityProfile profile) {
        access.requireCreate();
        requireValid(profile);
        Facility facility = new Facility(profile.name(), profile.type(), profile.prefecture(), clock.instant());
        facility.apply(profile);
        FacilityProfile created = facilities.save(facility).profile();
        events.publishEvent(AuditEvent.ofFacility(AuditAction.FACILITY_CREATED, created.id(), null, created.name()));
        publishChanged(facility);
        return created;
    }

    /** The facilities the caller may see: all for administrators, their own for everyone else. */
    @Transactional(readOnly = true)
    @AnySignedInUser
    public List<FacilityProfile> visibleFacilities() {
        CurrentUser user = access.currentUser();
        List<Facility> list = user.admin() ? facilities.findAllByOrderByNameAsc() : facilities.findByMember(user.id());
        return list.stream().map(Facility::profile).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public FacilityProfile get(long facilityId) {
        access.require(facilityId, FacilityScope.SUBMITTED_RESULTS);
        return load(facilityId).profile();
    }

    /**
     * Saves the basics step. {@code profile.version()} must be the version the editor started from; if someone else
     * saved in between, {@link OptimisticLockingFailureException} tells the UI to show the conflict.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public FacilityProfile updateProfile(FacilityProfile profile) {
        access.requireEdit(profile.id());
        requireValid(profile);
        Facility facility = load(profile.id());
        if (facility.getVersion() != profile.version()) {
            throw new OptimisticLockingFailureException("facility " + profile.id() + " was changed by someone else");
        }
        facility.apply(profile);
        facilities.flush();
        events.publishEvent(AuditEvent.ofFacility(AuditAction.FACILITY_UPDATED, facility.getId(), null,
                "version " + facility.getVersion()));
        publishChanged(facility);
        return facility.profile();
    }

    /** Whether the facility lets its associations see its identified results. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean consent(long facilityId) {
        access.require(facilityId, FacilityScope.SUBMITTED_RESULTS);
        return load(facilityId).isConsentIdentified();
    }

    /** The facility's editors decide about consent (and may withdraw it at any time). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void setConsent(long facilityId, boolean consent) {
        access.requireEdit(facilityId);
        Facility facility = load(facilityId);
        if (facility.isConsentIdentified() == consent) {
            return; // nothing decided, nothing to record
        }
        facility.setConsentIdentified(consent);
        events.publishEvent(AuditEvent.ofFacility(consent ? AuditAction.CONSENT_GIVEN : AuditAction.CONSENT_WITHDRAWN,
                facilityId, null, null));
        publishChanged(facility);
    }

    /** Members of a facility with their names, for its own people and administrators (never for a grant). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Member> members(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        return members.findByFacility(facilityId).stream()
                .map(m -> new Member(m.getUserId(), accounts.displayName(m.getUserId()).orElse("?"), m.getRole(), m.getCreatedAt()))
                .toList();
    }

    /**
     * One page of the administrator's facility list. {@code search} holds words separated by spaces (全角スペース too);
     * a facility is listed when each word occurs in its name, prefecture or municipality. Only the page is read.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<FacilityListItem> search(String search, int offset, int limit) {
        List<FacilitySummary> page = facilities.search(terms(search), Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<MemberRole, Long>> counts = new HashMap<>();
        for (var row : members.countByFacilityAndRole(page.stream().map(FacilitySummary::id).toList())) {
            counts.computeIfAbsent(row.facilityId(), k -> new EnumMap<>(MemberRole.class)).put(row.role(), row.members());
        }
        return page.stream().map(f -> {
            Map<MemberRole, Long> c = counts.getOrDefault(f.id(), Map.of());
            return new FacilityListItem(f.id(), f.name(), f.type(), f.prefecture(), f.municipality(),
                    c.getOrDefault(MemberRole.EDITOR, 0L).intValue(), c.getOrDefault(MemberRole.VIEWER, 0L).intValue());
        }).toList();
    }

    /** How many facilities {@link #search} lists for the words. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public int count(String search) {
        return (int) Math.min(Integer.MAX_VALUE, facilities.countMatching(terms(search)));
    }

    /** The search words: split at half- and full-width spaces, at most {@value #MAX_TERMS}, each at most 100 chars. */
    static List<String> terms(String search) {
        if (search == null) {
            return List.of();
        }
        return java.util.Arrays.stream(search.strip().split("[\\s\u3000]+"))
                .filter(t -> !t.isBlank())
                .map(t -> t.length() > 100 ? t.substring(0, 100) : t)
                .limit(MAX_TERMS)
                .toList();
    }

    /**
     * Changes a member's role (editor ↔ viewer). Editors of the facility and administrators may; the last editor
     * cannot be made a viewer ({@code members.error.lastEditor}).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeRole(long facilityId, long userId, MemberRole role) {
        java.util.Objects.requireNonNull(role, "role");
        lock(facilityId);
        access.requireEdit(facilityId);
        FacilityMember member = loadMember(facilityId, userId);
        if (member.getRole() == role) {
            return;
        }
        if (member.getRole() == MemberRole.EDITOR) {
            requireAnotherEditor(facilityId, userId);
        }
        MemberRole before = member.getRole();
        member.setRole(role);
        members.flush();
        events.publishEvent(AuditEvent.ofFacility(AuditAction.FACILITY_MEMBER_ROLE_CHANGED, facilityId,
                accounts.username(userId).orElse("#" + userId), before.name() + " -> " + role.name()));
    }

    /**
     * Removes a member (their account stays; they no longer see the facility). Editors of the facility and
     * administrators may; the last editor cannot be removed ({@code members.error.lastEditor}).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeMember(long facilityId, long userId) {
        lock(facilityId);
        access.requireEdit(facilityId);
        delete(loadMember(facilityId, userId), "removed");
    }

    /** The caller leaves the facility; an editor only while another editor remains ({@code members.error.lastEditor}). */
    @Transactional
    @AnySignedInUser
    public void leave(long facilityId) {
        lock(facilityId);
        CurrentUser user = access.currentUser();
        FacilityMember member = members.find(facilityId, user.id())
                .orElseThrow(() -> new jp.kakaritsuke.base.NotFoundException("facility", String.valueOf(facilityId)));
        delete(member, "left");
    }

    private void delete(FacilityMember member, String how) {
        if (member.getRole() == MemberRole.EDITOR) {
            requireAnotherEditor(member.getFacilityId(), member.getUserId());
        }
        members.delete(member);
        members.flush();
        events.publishEvent(AuditEvent.ofFacility(AuditAction.FACILITY_MEMBER_REMOVED, member.getFacilityId(),
                accounts.username(member.getUserId()).orElse("#" + member.getUserId()), how + ", " + member.getRole().name()));
    }

    /**
     * The first statement of every change to a facility's people: the row lock serialises them, and every read after
     * it (including the caller's own role) sees what the previous change committed. Two editors demoting each other at
     * the same moment: the second finds itself a viewer (refused), never a facility without editors. "First" matters on
     * MariaDB (REPEATABLE READ): the transaction's snapshot is taken at its first plain read, which must come after the
     * lock, so these methods are not to be called inside a transaction that has read before.
     */
    private void lock(long facilityId) {
        facilities.lockById(facilityId);
    }

    private void requireAnotherEditor(long facilityId, long userId) {
        if (members.countOtherEditors(facilityId, userId) == 0) {
            throw new InvalidInputException(List.of("members.error.lastEditor"));
        }
    }

    private FacilityMember loadMember(long facilityId, long userId) {
        return members.find(facilityId, userId)
                .orElseThrow(() -> new jp.kakaritsuke.base.NotFoundException("member", String.valueOf(userId)));
    }

    /** Adds a member directly (used by accepted invitations and the demo data, both already authorised). */
    @Transactional
    void addMember(long facilityId, long userId, jp.kakaritsuke.facility.domain.MemberRole role) {
        members.save(new FacilityMember(facilityId, userId, role, clock.instant()));
        events.publishEvent(AuditEvent.ofFacility(AuditAction.FACILITY_MEMBER_ADDED, facilityId,
                accounts.username(userId).orElse("#" + userId), role.name()));
    }

    private Facility load(long facilityId) {
        return facilities.findById(facilityId).orElseThrow(() -> new jp.kakaritsuke.base.NotFoundException("facility", String.valueOf(facilityId)));
    }

    private static void requireValid(FacilityProfile profile) {
        List<String> errors = profile.validate();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * What other modules keep of the facility in read models of their own (associations' member_state, issue 14):
     * published in this transaction, after the change, so their synchronous listeners commit or roll back with it.
     */
    private void publishChanged(Facility facility) {
        FacilityProfile p = facility.profile();
        events.publishEvent(new FacilityChanged(p.id(), p.name(), FacilityKind.valueOf(p.type().name()), p.municipality(),
                facility.isConsentIdentified()));
    }

    /** A row of the administrator's facility list, with how many editors and viewers the facility has. */
    public record FacilityListItem(long id, String name, FacilityKind type, String prefecture, String municipality,
                                   int editors, int viewers) {
    }

    public record Member(long userId, String displayName, jp.kakaritsuke.facility.domain.MemberRole role,
                         java.time.Instant since) {
    }
}
