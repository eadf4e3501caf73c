package jp.kakaritsuke.associations.service;

import jp.kakaritsuke.base.Japan;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily reminder run ({@code app.rounds.reminder-cron}, Japan time; {@code -} switches it off, as the tests do).
 * With several nodes every one fires; the ShedLock row {@code round-reminders} (database time) lets one of them run
 * and the others skip — and it stays held for a few minutes after a short run, so a node whose timer fires a little
 * later skips too. Should the lock ever fail (it expired during a very long run), the notices' unique key still keeps
 * every editor to one reminder per round ({@link RoundNoticeService}).
 */
@Component
public class RoundReminderJob {

    private static final Logger log = LoggerFactory.getLogger(RoundReminderJob.class);

    private final RoundNoticeService notices;

    public RoundReminderJob(RoundNoticeService notices) {
        this.notices = notices;
    }

    @Scheduled(cron = "${app.rounds.reminder-cron}", zone = Japan.ZONE_ID)
    @SchedulerLock(name = "round-reminders", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void sendReminders() {
        RoundNoticeService.Sent sent = notices.remindDue();
        log.info("Round reminders: {} facilities, {} mails, {} without address", sent.facilities(), sent.mails(),
                sent.noAddress());
    }
}
