package jp.kakaritsuke.associations.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationRound;
import jp.kakaritsuke.associations.domain.AssociationRoundRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.domain.RollupCalculator;
import jp.kakaritsuke.associations.domain.MemberState;
import jp.kakaritsuke.associations.domain.RoundNotice;
import jp.kakaritsuke.associations.domain.RoundNoticeKind;
import jp.kakaritsuke.associations.domain.RoundNoticeRepository;
import jp.kakaritsuke.associations.domain.RoundNoticeTable;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityDirectory;
import jp.kakaritsuke.facility.service.FacilityScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds an association opens for its members (e.g. 「2026年度」 with a deadline): members see the rounds of every
 * association above them on their home page; the association sees who has submitted since the round opened, and
 * whom the round's mails reached (issue 13: {@link RoundNoticeService} tells the members' editors when a round opens
 * and reminds those who have not submitted before its deadline).
 */
@Service
public class AssociationRoundService {

    private final AssociationRoundRepository rounds;
    private final AssociationRepository associations;
    private final MemberIndex memberStates;
    private final AssociationAccess access;
    private final FacilityAccess facilityAccess;
    private final FacilityDirectory facilityDirectory;
    private final RoundNoticeRepository noticeRecords;
    private final RoundNoticeService notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AssociationRoundService(AssociationRoundRepository rounds, AssociationRepository associations,
                                   MemberIndex memberStates, AssociationAccess access, FacilityAccess facilityAccess,
                                   FacilityDirectory facilityDirectory, RoundNoticeRepository noticeRecords, RoundNoticeService notices,
                                   ApplicationEventPublisher events, Clock clock) {
        this.noticeRecords = noticeRecords;
        this.notices = notices;
        this.events = events;
        this.rounds = rounds;
        this.associations = associations;
        this.memberStates = memberStates;
        this.access = access;
        this.facilityAccess = facilityAccess;
        this.facilityDirectory = facilityDirectory;
        this.clock = clock;
    }

    /**
     * Completeness of one round, suppressed like every association figure; per municipality, and per consenting member.
     * {@code notRegistered} counts, among those not started, the members nobody has joined yet (an imported facility
     * whose invitation is still open): they are chased differently, by handing out the code again. {@code notices}:
     * whom the round's mails reached (suppressed the same way); {@code remindFrom}: the first day the reminder job
     * reminds those who have not submitted.
     */
    public record RoundCompleteness(AssociationRound round, Rollup.Completeness completeness, Cell notRegistered, int members,
                                    List<MunicipalityCompleteness> municipalities, List<MemberProgress> identifiedMembers,
                                    RoundNoticeTable.Row notices, LocalDate remindFrom) {
    }

    public record MunicipalityCompleteness(String municipality, int members, Rollup.Completeness completeness,
                                           Cell notRegistered, RoundNoticeTable.Row notices) {
    }

    /** Submitted since the round opened, answering, not started, or invited but nobody has joined the facility yet. */
    public enum Progress { SUBMITTED, IN_PROGRESS, NOT_STARTED, NOT_REGISTERED }

    /**
     * A consenting member's progress in the round (members without consent only count), with its opening notice and
     * its reminder (null: none recorded; {@link RoundNotice#noAddress()}: nobody there could be written to).
     */
    public record MemberProgress(long facilityId, String name, String municipality, Progress progress, RoundNotice opened,
                                 RoundNotice reminder) {
    }

    /**
     * Opens a round and, in the same transaction, queues its notice to the editors of every member of the association
     * and of the associations below it (recorded per member; audited). Every problem of the input at once.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public long open(long associationId, String name, LocalDate deadline) {
        access.requireVisible(associationId);
        List<String> problems = problems(name, deadline);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        String roundName = name.strip();
        long id = rounds.create(associationId, roundName, now, deadline);
        String associationName = associations.tree().get(associationId).orElseThrow().name();
        RoundNoticeService.Sent sent = notices.notifyOpened(
                new AssociationRound(id, associationId, associationName, roundName, now, deadline));
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ROUND_OPENED, associationId, null,
                "round " + id + " \"" + roundName + "\" (deadline " + deadline + "): " + sent.describe()));
        return id;
    }

    /** The problems of a round's name and deadline (message keys), all of them; empty when it may be opened. */
    public List<String> problems(String name, LocalDate deadline) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add("associationRound.error.name");
        } else {
            problems.addAll(TextRules.problems("associationRound.error.name", name));
        }
        if (deadline == null || !deadline.isAfter(LocalDate.now(clock))) {
            problems.add("associationRound.error.deadline");
        }
        return problems;
    }

    /** The rounds of an association with their completeness over its subtree's members. */
    /** The association's own newest round (none: it has not opened one), for its rollup workbook. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<AssociationRound> latestRound(long associationId) {
        access.requireVisible(associationId);
        return rounds.byAssociations(List.of(associationId)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<RoundCompleteness> rounds(long associationId) {
        access.requireVisible(associationId);
        Set<Long> subtree = associations.tree().subtree(associationId);
        return completeness(associationId, subtree, memberStates.members(subtree));
    }

    /**
     * The completeness of the association's rounds from members already read (the rollup page reads them once for
     * the rollup and its rounds: nationally that read is most of the page's time). The caller has checked visibility.
     */
    List<RoundCompleteness> completeness(long associationId, Set<Long> subtree, List<MemberState> members) {
        // members nobody has joined yet: the facility module knows who joined (one read, of the members already read)
        Set<Long> unregistered = facilityDirectory.withoutMembers(members.stream().map(MemberState::facilityId).toList());
        List<AssociationRound> associationRounds = rounds.byAssociations(List.of(associationId));
        // round -> facility -> [opening notice, reminder]
        Map<Long, Map<Long, RoundNotice[]>> noticesByRound = new HashMap<>();
        for (RoundNotice n : noticeRecords.byRounds(associationRounds.stream().map(AssociationRound::id).toList())) {
            noticesByRound.computeIfAbsent(n.roundId(), k -> new HashMap<>())
                    .computeIfAbsent(n.facilityId(), k -> new RoundNotice[2])[n.kind().ordinal()] = n;
        }
        return associationRounds.stream().map(r -> {
            Map<Long, RoundNotice[]> roundNotices = noticesByRound.getOrDefault(r.id(), Map.of());
            // [members, notified, notified without address, reminded, reminded without address]
            java.util.Map<String, int[]> noticesByMunicipality = new java.util.TreeMap<>();
            int[] allNotices = new int[5];
            // [members, submitted, in progress, not registered]
            java.util.Map<String, int[]> byMunicipality = new java.util.TreeMap<>();
            int[] all = new int[4];
            List<MemberProgress> identified = new java.util.ArrayList<>();
            for (MemberState m : members) {
                Progress p = progress(m, r, unregistered.contains(m.facilityId()));
                int[] counts = byMunicipality.computeIfAbsent(RollupCalculator.municipality(m.municipality()), k -> new int[4]);
                for (int[] c : List.of(counts, all)) {
                    c[0]++;
                    c[1] += p == Progress.SUBMITTED ? 1 : 0;
                    c[2] += p == Progress.IN_PROGRESS ? 1 : 0;
                    c[3] += p == Progress.NOT_REGISTERED ? 1 : 0;
                }
                RoundNotice[] notice = roundNotices.getOrDefault(m.facilityId(), new RoundNotice[2]);
                RoundNotice opened = notice[RoundNoticeKind.OPENED.ordinal()];
                RoundNotice reminder = notice[RoundNoticeKind.REMINDER.ordinal()];
                int[] noticeCounts = noticesByMunicipality.computeIfAbsent(RollupCalculator.municipality(m.municipality()), k -> new int[5]);
                for (int[] c : List.of(noticeCounts, allNotices)) {
                    c[0]++;
                    c[1] += opened != null && !opened.noAddress() ? 1 : 0;
                    c[2] += opened != null && opened.noAddress() ? 1 : 0;
                    c[3] += reminder != null && !reminder.noAddress() ? 1 : 0;
                    c[4] += reminder != null && reminder.noAddress() ? 1 : 0;
                }
                if (m.consent()) {
                    identified.add(new MemberProgress(m.facilityId(), m.name(), m.municipality(), p, opened, reminder));
                }
            }
            identified.sort(IDENTIFIED_ORDER); // members come by id; by name here, as the rollup lists them
            // whom the mails reached: a table of its own, protected the same way (its rows follow the municipalities)
            var noticeTable = RoundNoticeTable.protect(allNotices, List.copyOf(noticesByMunicipality.values()));
            // the round's table: municipalities by status with the totals, protected as one table
            var table = jp.kakaritsuke.associations.domain.CompletenessTable.protect(all, List.copyOf(byMunicipality.values()));
            List<MunicipalityCompleteness> municipalities = new java.util.ArrayList<>();
            int i = 0;
            for (var e : byMunicipality.entrySet()) {
                var row = table.rows().get(i++);
                municipalities.add(new MunicipalityCompleteness(e.getKey(), e.getValue()[0], row.completeness(),
                        row.notRegistered(), noticeTable.rows().get(i - 1)));
            }
            return new RoundCompleteness(r, table.total().completeness(), table.total().notRegistered(), all[0],
                    municipalities, identified, noticeTable.total(), r.deadline().minusDays(notices.daysBefore()));
        }).toList();
    }

    /** As {@link MemberState#LISTING}: municipality, name (none first), id. */
    private static final Comparator<MemberProgress> IDENTIFIED_ORDER = Comparator
            .comparing(MemberProgress::municipality, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(MemberProgress::name, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingLong(MemberProgress::facilityId);

    static Progress progress(MemberState m, AssociationRound r, boolean withoutUsers) {
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
