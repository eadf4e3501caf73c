package jp.kakaritsuke.associations.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationRound;
import jp.kakaritsuke.associations.domain.AssociationRoundRepository;
import jp.kakaritsuke.associations.domain.RoundNoticeKind;
import jp.kakaritsuke.associations.domain.RoundNoticeRepository;
import jp.kakaritsuke.associations.domain.RoundNoticeRepository.Addressee;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.PublicLinks;
import jp.kakaritsuke.facility.service.FacilityDirectory;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.mail.service.MailMessage;
import jp.kakaritsuke.mail.service.MailRecipient;
import jp.kakaritsuke.mail.service.MailService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Round notices by mail (issue 13): when an association opens a round, the editors of every member facility of its
 * subtree are told (ROUND_OPENED); {@code app.rounds.reminder-days-before} days before the deadline, the editors of
 * members that have not submitted since the round opened are reminded (ROUND_REMINDER, by {@link RoundReminderJob}).
 * Each facility's notice is recorded once per kind ({@code round_notice}, unique per round, facility and kind) in the
 * transaction that queues its mails, so two nodes — or a run retried after a crash — never mail an editor twice.
 * <p>
 * No authorisation here: opening is checked by {@link AssociationRoundService#open}, the reminders are the system's
 * own job. Mails go to editors with an address whose account is enabled; a facility with none is recorded as "no
 * address" so the association sees whom a mail could not reach.
 */
@Service
public class RoundNoticeService {

    /** Ids per read: the editors of 500 facilities, the contacts of 500 accounts (an IN list stays small). */
    static final int CHUNK = 500;

    /** A round opened less than this long ago is not reminded yet: its opening notice is still fresh. */
    static final Duration FRESH = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(RoundNoticeService.class);

    private final RoundNoticeRepository notices;
    private final AssociationRoundRepository rounds;
    private final AssociationRepository associations;
    private final FacilityDirectory directory;
    private final UserAccountService accounts;
    private final MailService mail;
    private final PublicLinks links;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int daysBefore;

    public RoundNoticeService(RoundNoticeRepository notices, AssociationRoundRepository rounds,
                              AssociationRepository associations, FacilityDirectory directory,
                              UserAccountService accounts, MailService mail, PublicLinks links,
                              ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
                              @Value("${app.rounds.reminder-days-before:7}") int daysBefore) {
        if (daysBefore < 0) {
            throw new IllegalArgumentException("app.rounds.reminder-days-before must be 0 or more: " + daysBefore);
        }
        this.notices = notices;
        this.rounds = rounds;
        this.associations = associations;
        this.directory = directory;
        this.accounts = accounts;
        this.mail = mail;
        this.links = links;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.daysBefore = daysBefore;
    }

    /** What a notice run did: facilities that got mails, mails queued, facilities without an address to write to. */
    public record Sent(int facilities, int mails, int noAddress) {

        static final Sent NONE = new Sent(0, 0, 0);

        Sent plus(Sent other) {
            return new Sent(facilities + other.facilities, mails + other.mails, noAddress + other.noAddress);
        }

        String describe() {
            return facilities + " facilities, " + mails + " mails, " + noAddress + " without address";
        }
    }

    /**
     * Tells the members of the round's association (and of every association below it) that it opened. In the
     * caller's transaction, which created the round: the notices and mails exist exactly when the round does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sent notifyOpened(AssociationRound round) {
        Set<Long> subtree = associations.tree().subtree(round.associationId());
        Sent sent = Sent.NONE;
        List<Addressee> members = notices.members(subtree);
        for (int from = 0; from < members.size(); from += CHUNK) {
            List<Addressee> chunk = members.subList(from, Math.min(members.size(), from + CHUNK));
            Map<Long, List<MailRecipient>> recipients = recipients(chunk);
            for (Addressee member : chunk) {
                sent = sent.plus(notify(round, member, RoundNoticeKind.OPENED, recipients.get(member.facilityId())));
            }
        }
        return sent;
    }

    /** The rounds a reminder run looks at today: deadline from today to {@code days-before} days ahead. */
    public List<AssociationRound> dueRounds() {
        LocalDate today = LocalDate.now(clock);
        return rounds.due(today, today.plusDays(daysBefore), clock.instant().minus(FRESH));
    }

    /**
     * The reminder run ({@link RoundReminderJob}; tests call it directly): for every due round, the members that have
     * not submitted since it opened and were not reminded yet. One short transaction per facility (its notice and
     * its mails together), so a failure costs that facility's reminder until the next run, nothing else; a run that
     * overlaps another (two nodes without the lock) sends nothing twice. Audited once per round that sent anything.
     */
    public Sent remindDue() {
        Sent all = Sent.NONE;
        for (AssociationRound round : dueRounds()) {
            Sent sent = remind(round);
            if (sent.facilities() > 0 || sent.noAddress() > 0) {
                transaction.executeWithoutResult(s -> events.publishEvent(AuditEvent.ofAssociation(
                        AuditAction.ROUND_REMINDERS_SENT, round.associationId(), null,
                        "round " + round.id() + " \"" + round.name() + "\" (deadline " + round.deadline() + "): "
                                + sent.describe())));
            }
            all = all.plus(sent);
        }
        return all;
    }

    private Sent remind(AssociationRound round) {
        Set<Long> subtree = associations.tree().subtree(round.associationId());
        List<Addressee> pending = notices.toRemind(round.id(), round.openedAt(), subtree);
        Sent sent = Sent.NONE;
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Addressee> chunk = pending.subList(from, Math.min(pending.size(), from + CHUNK));
            Map<Long, List<MailRecipient>> recipients = recipients(chunk);
            for (Addressee member : chunk) {
                try {
                    Sent one = transaction.execute(s ->
                            notify(round, member, RoundNoticeKind.REMINDER, recipients.get(member.facilityId())));
                    sent = sent.plus(one);
                } catch (RuntimeException e) {
                    // e.g. a lock wait that timed out against another node: its reminder waits for the next run
                    log.warn("Round {}: the reminder to facility {} failed, the next run tries again",
                            round.id(), member.facilityId(), e);
                }
            }
        }
        return sent;
    }

    /** Records the facility's notice and, if this caller recorded it, queues one mail per recipient. */
    private Sent notify(AssociationRound round, Addressee member, RoundNoticeKind kind, List<MailRecipient> recipients) {
        List<MailRecipient> to = recipients == null ? List.of() : recipients;
        if (!notices.claim(round.id(), member.facilityId(), kind, clock.instant(), to.size())) {
            return Sent.NONE;
        }
        if (to.isEmpty()) {
            return new Sent(0, 0, 1);
        }
        MailKind mailKind = kind == RoundNoticeKind.OPENED ? MailKind.ROUND_OPENED : MailKind.ROUND_REMINDER;
        for (MailRecipient recipient : to) {
            mail.queue(new MailMessage(mailKind, recipient,
                    List.of(recipient.name(), member.facilityName(), round.associationName(), round.name(),
                            round.deadline().toString()),
                    links.link("assessment"), member.facilityId(), round.associationId()));
        }
        return new Sent(1, to.size(), 0);
    }

    /**
     * Whom to write to at each facility: its editors with an address on an enabled account, each once, by account id
     * (a facility without any is absent).
     */
    private Map<Long, List<MailRecipient>> recipients(List<Addressee> facilities) {
        Map<Long, List<Long>> editors = directory.editors(facilities.stream().map(Addressee::facilityId).toList());
        List<Long> userIds = editors.values().stream().flatMap(List::stream).distinct().toList();
        Map<Long, UserAccountService.Contact> contacts = new HashMap<>();
        for (int from = 0; from < userIds.size(); from += CHUNK) {
            contacts.putAll(accounts.contacts(userIds.subList(from, Math.min(userIds.size(), from + CHUNK))));
        }
        Map<Long, List<MailRecipient>> result = new HashMap<>();
        editors.forEach((facilityId, users) -> {
            List<MailRecipient> list = new ArrayList<>();
            users.stream().distinct().sorted().forEach(userId -> {
                UserAccountService.Contact c = contacts.get(userId);
                if (c != null && c.enabled() && c.email().isPresent()) {
                    list.add(new MailRecipient(c.email().get(), c.displayName(), userId));
                }
            });
            if (!list.isEmpty()) {
                list.sort(Comparator.comparing(MailRecipient::userId));
                result.put(facilityId, list);
            }
        });
        return result;
    }

    /** When this node considers a reminder due, for the docs and the page's hint. */
    public int daysBefore() {
        return daysBefore;
    }
}
