package jp.kakaritsuke.functionreport.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A facility's preparation of its かかりつけ医機能報告, one per report year. Reading needs {@code FacilityScope.INTERNALS}
 * (the facility's own people; a consenting association sees only the counts of its rollup), changing needs
 * {@code EDIT} and the version last read (a stale one is a {@code ConflictException}); bad answers are
 * {@code FieldErrors} keyed by item code, and nothing of the request is stored then. Facilities of type ASSOCIATION do
 * not report: asking for theirs is a {@code FieldErrors} on "facility". Every change is one transaction.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReportPreparationService {

    /** The report year being prepared on the clock's date: the January–March season ahead (or under way). */
    public int currentReportYear() {
        throw new UnsupportedOperationException("CONTRACT");
    }

    public PreparationView view(long facilityId, int reportYear) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    /** Starts the year's preparation: last year's answers carried (unconfirmed), then same-question pre-fills. */
    public PreparationView start(long facilityId, int reportYear) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    /** Saves the given items (each becomes ENTERED and confirmed); an all-empty input clears the item. */
    public PreparationView save(long facilityId, int reportYear, long expectedVersion, Map<String, AnswerInput> answers) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    /** Confirms carried / pre-filled answers unchanged. */
    public PreparationView confirm(long facilityId, int reportYear, long expectedVersion, Collection<String> itemCodes) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    public PreparationView submit(long facilityId, int reportYear, long expectedVersion) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    /** Back to draft after submission (a correction before the deadline). */
    public PreparationView reopen(long facilityId, int reportYear, long expectedVersion) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    /** The facility's preparations, newest year first. */
    public List<HistoryEntry> history(long facilityId) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    public boolean canEdit(long facilityId) {
        throw new UnsupportedOperationException("CONTRACT");
    }

    public record HistoryEntry(int reportYear, int editionYear, PreparationStatus status, java.time.Instant updatedAt,
                               java.time.Instant submittedAt, boolean no1Met) {
    }
}
