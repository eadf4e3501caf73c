package jp.kakaritsuke.functionreport.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;

/**
 * A facility's preparation for one report year, as the page, the API and the workbook read it.
 * <ul>
 * <li>{@code status} null: not started ({@code id} null, {@code version} 0, no answers).</li>
 * <li>{@code edition}: the items it is prepared with ({@link ReportEditionService#forReportYear}); when
 * {@code edition.year() < reportYear}, next season's items are not published yet and the page says so.</li>
 * <li>{@code answers}: by item code; PREFILLED / CARRIED ones unconfirmed until confirmed or changed.</li>
 * <li>{@code prefilledFrom}: item code → what it was pre-filled from, e.g. 「自己評価 2026-11-20 提出 / 主治医意見書の作成」.</li>
 * <li>{@code carriedFromYear}: the report year last year's answers came from, null if none.</li>
 * <li>{@code unconfirmed}: item codes still to confirm; submit is refused while any remain.</li>
 * </ul>
 */
public record PreparationView(long facilityId, String facilityName, int reportYear, ReportEdition edition, Long id,
                              PreparationStatus status, long version, Map<String, PreparationAnswer> answers,
                              Map<String, String> prefilledFrom, Integer carriedFromYear, List<String> unconfirmed,
                              No1Check no1, Set<ReportFunction> functionsProvided, Instant updatedAt, String updatedBy,
                              Instant submittedAt, String submittedBy, boolean canEdit) {

    public boolean started() {
        return status != null;
    }
}
