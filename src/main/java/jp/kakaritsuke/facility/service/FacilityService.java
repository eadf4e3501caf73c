package jp.kakaritsuke.facility.service;

import java.time.Clock;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import jp.kakaritsuke.base.InvalidInputException;
import java.util.List;
import jp.kakaritsuke.facility.domain.Facility;
import jp.kakaritsuke.facility.domain.FacilityMember;
import jp.kakaritsuke.facility.domain.FacilityMemberRepository;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityRepository;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facilities and their members. Authorisation per facility through {@link FacilityAccess}. */
@Service
public class FacilityService {

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
        return created;
    }

    /** The facilities the caller may see: all for administrators, their own for everyone else. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
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

    /** Adds a member directly (used by accepted invitations and the demo data, both already authorised). */
    @Transactional
    void addMember(long facilityId, long userId, jp.kakaritsuke.facility.domain.MemberRole role) {
        members.save(new FacilityMember(facilityId, userId, role, clock.instant()));
        events.publishEvent(AuditEvent.ofFacility(AuditAction.FACILITY_MEMBER_ADDED, facilityId,
                accounts.username(userId).orElse("#" + userId), role.name()));
    }

    private Facility load(long facilityId) {
        return facilities.findById(facilityId).orElseThrow(() -> new jp.kakaritsuke.base.web.NotFoundException("facility", String.valueOf(facilityId)));
    }

    private static void requireValid(FacilityProfile profile) {
        List<String> errors = profile.validate();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public record Member(long userId, String displayName, jp.kakaritsuke.facility.domain.MemberRole role,
                         java.time.Instant since) {
    }
}
