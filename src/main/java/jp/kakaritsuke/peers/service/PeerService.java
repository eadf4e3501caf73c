package jp.kakaritsuke.peers.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.assessment.service.RoundSnapshotService;
import jp.kakaritsuke.assessment.service.RoundSnapshotService.RoundSnapshot;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.peers.domain.PeerAttributes;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerConsent;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.domain.PeerMember;
import jp.kakaritsuke.peers.domain.PeerMemberRepository;
import jp.kakaritsuke.peers.domain.PeerStatistics;
import jp.kakaritsuke.peers.domain.PeerTable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round among its peers, and the facility's benchmarking consent (docs/peers.md). Statistics are read like the
 * round's results ({@link FacilityScope#SUBMITTED_RESULTS}; a round the caller may not see is not found; a read from
 * outside the facility is audited by the assessment); the consent is read with the results scope and changed only by
 * the facility's editors ({@link FacilityScope#EDIT}), audited. Give to get: a facility sees statistics only while it
 * consents itself, and then counts in its own groups.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PeerService {

    /** N: how many nearest consenting facilities the recommended peers are. */
    public static final int RECOMMENDED_PEERS = 50;

    private final RoundSnapshotService rounds;
    private final PeerMemberRepository members;
    private final PeerIndex index;
    private final FacilityAccess access;
    private final FacilityService facilities;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PeerService(RoundSnapshotService rounds, PeerMemberRepository members, PeerIndex index, FacilityAccess access,
                FacilityService facilities, Clock clock, ApplicationEventPublisher events) {
        this.rounds = rounds;
        this.members = members;
        this.index = index;
        this.access = access;
        this.facilities = facilities;
        this.clock = clock;
        this.events = events;
    }

    /** The default group: same kind; bed band for hospitals; area type; region — as the round was submitted. */
    @Transactional(readOnly = true)
    public PeerComparison defaultGroup(long roundId) {
        Subject subject = subject(roundId);
        PeerGroup group = PeerGroup.defaultOf(subject.attributes());
        return compare(PeerComparison.Kind.DEFAULT, group, subject);
    }

    /**
     * The default group for the board report: the same answer, not audited again (the report's download is recorded
     * once, as RoleProfileService.reportProfile does).
     */
    @Transactional(readOnly = true)
    public PeerComparison defaultGroupInReport(long roundId) {
        Subject subject = subject(roundId, null);
        return compare(PeerComparison.Kind.DEFAULT, PeerGroup.defaultOf(subject.attributes()), subject);
    }

    /** A group by attributes; a group that fails {@code PeerGroup.validate()} throws InvalidInputException. */
    @Transactional(readOnly = true)
    public PeerComparison group(long roundId, PeerGroup group) {
        Subject subject = subject(roundId);
        group.requireValid();
        return compare(PeerComparison.Kind.CUSTOM, group, subject);
    }

    /**
     * The recommended peers: the {@value #RECOMMENDED_PEERS} consenting facilities of the same kind nearest by the
     * weighted distance (docs/peers.md), the facility itself left out; never named.
     */
    @Transactional(readOnly = true)
    public PeerComparison recommended(long roundId) {
        Subject subject = subject(roundId);
        PeerComparison.Withheld why = subject.withheld();
        if (why != null) {
            return PeerStatistics.withheld(PeerComparison.Kind.RECOMMENDED, null, why, subject.levelsIfSubmitted());
        }
        PeerTable.Count count = index.read(t -> t.nearest(subject.facilityId(), subject.attributes(), subject.levels(),
                RECOMMENDED_PEERS));
        return PeerStatistics.compare(PeerComparison.Kind.RECOMMENDED, null, count.size(), count.histogram(),
                subject.levels());
    }

    /** The default group's attributes for a round (what the UI's group form starts from). */
    @Transactional(readOnly = true)
    public PeerGroup defaultGroupOf(long roundId) {
        return PeerGroup.defaultOf(subject(roundId).attributes());
    }

    /** The facility's consent, for whoever may read its results; {@code canChange} for its editors. */
    @Transactional(readOnly = true)
    public PeerConsent consent(long facilityId) {
        access.require(facilityId, FacilityScope.SUBMITTED_RESULTS);
        return consentOf(facilityId);
    }

    /**
     * Gives or withdraws the consent; effective for the next statistics on every node. Editors only. Given after
     * submissions made before peers kept them, the latest submitted round is taken in at once.
     */
    @Transactional
    public PeerConsent setConsent(long facilityId, boolean consenting) {
        CurrentUser user = access.requireEdit(facilityId);
        if (facilities.get(facilityId).type() == FacilityKind.ASSOCIATION) {
            throw new InvalidInputException(List.of("peers.consent.error.association"));
        }
        long change = members.nextChange(); // first: the counter's lock orders every change of this facility's row
        Optional<PeerMember> before = members.find(facilityId);
        if (consenting && before.map(m -> m.profile() == null).orElse(true)) {
            rounds.latestSubmitted(facilityId).filter(RoundSnapshot::submitted).ifPresent(r -> members.submitted(
                    facilityId, r.roundId(), r.submittedAt() == null ? clock.instant() : r.submittedAt(),
                    attributes(r), r.levels().packed(), change));
        }
        members.consent(facilityId, consenting, clock.instant(), user.username(), change);
        boolean was = before.map(PeerMember::consenting).orElse(false);
        if (was != consenting) {
            events.publishEvent(AuditEvent.ofFacility(consenting ? AuditAction.PEER_CONSENT_GIVEN
                    : AuditAction.PEER_CONSENT_WITHDRAWN, facilityId, null, null));
        }
        return consentOf(facilityId);
    }

    private PeerConsent consentOf(long facilityId) {
        Optional<PeerMember> member = members.find(facilityId);
        return new PeerConsent(facilityId, member.map(PeerMember::consenting).orElse(false),
                member.map(PeerMember::consentChangedAt).orElse(null),
                member.map(PeerMember::consentChangedBy).orElse(null), access.allows(facilityId, FacilityScope.EDIT));
    }

    private PeerComparison compare(PeerComparison.Kind kind, PeerGroup group, Subject subject) {
        PeerComparison.Withheld why = subject.withheld();
        if (why == null && group.kind() == FacilityKind.ASSOCIATION) {
            why = PeerComparison.Withheld.NOT_COMPARABLE;
        }
        if (why != null) {
            return PeerStatistics.withheld(kind, group, why, subject.levelsIfSubmitted());
        }
        PeerTable.Count count = index.read(t -> t.count(group));
        return PeerStatistics.compare(kind, group, count.size(), count.histogram(), subject.levels());
    }

    /** The round compared: its facility as it submitted, its levels, whether it may be compared at all. */
    private record Subject(long facilityId, PeerAttributes attributes, RoleLevels levels, boolean submitted,
                           PeerComparison.@Nullable Withheld withheld) {

        @Nullable RoleLevels levelsIfSubmitted() {
            return submitted ? levels : null;
        }
    }

    private Subject subject(long roundId) {
        return subject(roundId, "peers");
    }

    private Subject subject(long roundId, @Nullable String auditPurpose) {
        RoundSnapshot round = rounds.snapshot(roundId, auditPurpose);
        Optional<PeerMember> member = members.find(round.facilityId());
        // the designations at submission where peers was told of it; a round before that: the facility's now
        PeerAttributes attributes = member.filter(m -> m.latestRoundId() != null && m.latestRoundId() == roundId)
                .map(PeerMember::attributes).orElse(attributes(round));
        PeerComparison.Withheld why = null;
        if (!round.submitted()) {
            why = PeerComparison.Withheld.NOT_SUBMITTED;
        } else if (attributes.kind() == FacilityKind.ASSOCIATION) {
            why = PeerComparison.Withheld.NOT_COMPARABLE;
        } else if (!member.map(PeerMember::consenting).orElse(false)) {
            why = PeerComparison.Withheld.NO_CONSENT;
        }
        return new Subject(round.facilityId(), attributes, round.levels(), round.submitted(), why);
    }

    private static PeerAttributes attributes(RoundSnapshot round) {
        return new PeerAttributes(round.kind(), round.bedsTotal(), round.areaType(), round.prefecture(),
                round.designations());
    }
}
