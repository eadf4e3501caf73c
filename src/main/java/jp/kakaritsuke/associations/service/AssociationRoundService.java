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
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.domain.RollupCalculator;
import jp.kakaritsuke.associations.domain.RollupRepository;
import jp.kakaritsuke.associations.domain.RollupRepository.MemberStatus;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
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

    /**
     * Completeness of one round, suppressed like every association figure; per municipality, and per consenting member.
     * {@code notRegistered} counts, among those not started, the members nobody has joined yet (an imported facility
     * whose invitation is still open): they are chased differently, by handing out the code again.
     */
    public record RoundCompleteness(AssociationRound round, Rollup.Completeness completeness, Cell notRegistered, int members,
                                    List<MunicipalityCompleteness> municipalities, List<MemberProgress> identifiedMembers) {
    }

    public record MunicipalityCompleteness(String municipality, int members, Rollup.Completeness completeness,
                                           Cell notRegistered) {
    }

    /** Submitted since the round opened, answering, not started, or invited but nobody has joined the facility yet. */
    public enum Progress { SUBMITTED, IN_PROGRESS, NOT_STARTED, NOT_REGISTERED }

    /** A consenting member's progress in the round (members without consent only count). */
    public record MemberProgress(long facilityId, String name, String municipality, Progress progress) {
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long open(long associationId, String name, LocalDate deadline) {
        access.requireVisible(associationId);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException(List.of("associationRound.error.name"));
        }
        List<String> nameProblems = TextRules.problems("associationRound.error.name", name);
        if (!nameProblems.isEmpty()) {
            throw new InvalidInputException(nameProblems);
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
        Set<Long> subtree = associations.tree().subtree(associationId);
        return completeness(associationId, subtree, rollups.members(subtree));
    }

    /**
     * The completeness of the association's rounds from members already read (the rollup page reads them once for
     * the rollup and its rounds: nationally that read is most of the page's time). The caller has checked visibility.
     */
    List<RoundCompleteness> completeness(long associationId, Set<Long> subtree, List<MemberStatus> members) {
        Set<Long> unregistered = associations.membersWithoutUsers(subtree);
        return rounds.byAssociations(List.of(associationId)).stream().map(r -> {
            // [members, submitted, in progress, not registered]
            java.util.Map<String, int[]> byMunicipality = new java.util.TreeMap<>();
            int[] all = new int[4];
            List<MemberProgress> identified = new java.util.ArrayList<>();
            for (MemberStatus m : members) {
                Progress p = progress(m, r, unregistered.contains(m.facilityId()));
                int[] counts = byMunicipality.computeIfAbsent(RollupCalculator.municipality(m.municipality()), k -> new int[4]);
                for (int[] c : List.of(counts, all)) {
                    c[0]++;
                    c[1] += p == Progress.SUBMITTED ? 1 : 0;
                    c[2] += p == Progress.IN_PROGRESS ? 1 : 0;
                    c[3] += p == Progress.NOT_REGISTERED ? 1 : 0;
                }
                if (m.consent()) {
                    identified.add(new MemberProgress(m.facilityId(), m.name(), m.municipality(), p));
                }
            }
            // the round's table: municipalities by status with the totals, protected as one table
            var table = jp.kakaritsuke.associations.domain.CompletenessTable.protect(all, List.copyOf(byMunicipality.values()));
            List<MunicipalityCompleteness> municipalities = new java.util.ArrayList<>();
            int i = 0;
            for (var e : byMunicipality.entrySet()) {
                var row = table.rows().get(i++);
                municipalities.add(new MunicipalityCompleteness(e.getKey(), e.getValue()[0], row.completeness(), row.notRegistered()));
            }
            return new RoundCompleteness(r, table.total().completeness(), table.total().notRegistered(), all[0], municipalities, identified);
        }).toList();
    }

    static Progress progress(MemberStatus m, AssociationRound r, boolean withoutUsers) {
        if (m.lastSubmitted() != null && !m.lastSubmitted().isBefore(r.openedAt())) {
            return Progress.SUBMITTED;
        }
        if (m.draft()) {
            return Progress.IN_PROGRESS;
        }
        return withoutUsers ? Progress.NOT_REGISTERED : Progress.NOT_STARTED;
    }

    /** Open rounds (deadline not passed) of every association the facility belongs to, or that is above one. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AssociationRound> openRoundsFor(long facilityId) {
        facilityAccess.require(facilityId, FacilityScope.SUBMITTED_RESULTS);
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
