package jp.kakaritsuke.associations.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationRound;
import jp.kakaritsuke.associations.domain.AssociationRoundRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.RollupRepository;
import jp.kakaritsuke.associations.domain.RollupRepository.MemberStatus;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.service.FacilityAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds an association opens for its members (e.g. 「2026年度」 with a deadline): members see the rounds of every
 * association above them on their home page; the association sees who has submitted since the round opened.
 */
@Service
public class AssociationRoundService {

    private final AssociationRoundRepository rounds;
    private final AssociationRepository associations;
    private final RollupRepository rollups;
    private final AssociationAccess access;
    private final FacilityAccess facilityAccess;
    private final Clock clock;

    public AssociationRoundService(AssociationRoundRepository rounds, AssociationRepository associations,
                                   RollupRepository rollups, AssociationAccess access, FacilityAccess facilityAccess,
                                   Clock clock) {
        this.rounds = rounds;
        this.associations = associations;
        this.rollups = rollups;
        this.access = access;
        this.facilityAccess = facilityAccess;
        this.clock = clock;
    }

    /** Completeness of one round, suppressed like every association figure. */
    public record RoundCompleteness(AssociationRound round, Cell submitted, Cell inProgress, Cell notStarted, int members) {
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long open(long associationId, String name, LocalDate deadline) {
        access.requireVisible(associationId);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException(List.of("associationRound.error.name"));
        }
        if (deadline == null || !deadline.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(List.of("associationRound.error.deadline"));
        }
        return rounds.create(associationId, name.strip(), clock.instant(), deadline);
    }

    /** The rounds of an association with their completeness over its subtree's members. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<RoundCompleteness> rounds(long associationId) {
        access.requireVisible(associationId);
        List<MemberStatus> members = rollups.members(associations.tree().subtree(associationId));
        return rounds.byAssociations(List.of(associationId)).stream().map(r -> {
            int submitted = (int) members.stream().filter(m -> m.lastSubmitted() != null && !m.lastSubmitted().isBefore(r.openedAt())).count();
            int inProgress = (int) members.stream().filter(m -> (m.lastSubmitted() == null || m.lastSubmitted().isBefore(r.openedAt()))
                    && m.draft()).count();
            int n = members.size();
            return new RoundCompleteness(r, Cell.of(submitted, n), Cell.of(inProgress, n), Cell.of(n - submitted - inProgress, n), n);
        }).toList();
    }

    /** Open rounds (deadline not passed) of every association the facility belongs to, or that is above one. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AssociationRound> openRoundsFor(long facilityId) {
        facilityAccess.requireRead(facilityId);
        AssociationTree tree = associations.tree();
        Set<Long> above = new HashSet<>();
        for (long id : rounds.associationsOfFacility(facilityId)) {
            Long current = id;
            while (current != null && above.add(current)) {
                current = tree.get(current).map(Association::parentId).orElse(null);
            }
        }
        LocalDate today = LocalDate.now(clock);
        return rounds.byAssociations(above).stream().filter(r -> !r.deadline().isBefore(today)).toList();
    }
}
