package jp.kakaritsuke.assessment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorHistory;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleTrend;
import jp.kakaritsuke.assessment.service.AssessmentModels.TrendPoint;
import jakarta.servlet.http.HttpServletRequest;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.base.web.DownloadLanguage;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A facility's trend for API clients (issue 15, docs/trends.md): every submitted round with level and score per role,
 * and one role's indicator answers across the rounds. Read like the round ({@code 404} for anyone who may not read
 * it); an outsider's read is audited by the service.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Trends", description = "Scores per role over a facility's submitted rounds, and a role's indicator answers")
class TrendApi {

    private final RoleProfileService profiles;

    TrendApi(RoleProfileService profiles) {
        this.profiles = profiles;
    }

    @Operation(summary = "Every submitted round of the round's facility, oldest first, with level and score per role",
            description = "Each round is scored by its own questionnaire version. A role the round did not answer is "
                    + "left out of that round's roles. 404 when the caller may not read the round.")
    @GetMapping("/assessments/{id}/trend")
    TrendJson trend(@PathVariable long id) {
        RoleTrend trend = profiles.trend(id);
        return new TrendJson(trend.facilityId(), trend.rounds().stream().map(TrendRoundJson::of).toList());
    }

    @Operation(summary = "A role's indicator answers across every submitted round of the round's facility",
            description = "Indicators are matched by code across questionnaire versions; asked=false where a round's "
                    + "version did not ask the indicator, value=null where it was asked and left unanswered. "
                    + "Labels and units in the language of lang (ja or en), else of Accept-Language, else Japanese; "
                    + "language says which. 404 when the caller may not read the round.")
    @GetMapping("/assessments/{id}/trend/roles/{roleCode}")
    IndicatorHistoryJson indicators(@PathVariable long id, @PathVariable RoleCode roleCode,
                                    @RequestParam(name = "lang", required = false) @Nullable String lang,
                                    HttpServletRequest request) {
        Locale locale = DownloadLanguage.of(lang, request); // the reports' rule: one for every download and API text
        IndicatorHistory h = profiles.indicatorHistory(id, roleCode, locale);
        return new IndicatorHistoryJson(h.roleCode(), locale.getLanguage(), h.rounds().stream().map(r -> r.roundId()).toList(), h.levels(),
                h.rows().stream().map(row -> new IndicatorJson(row.code(), row.label(), row.unit(),
                        row.cells().stream().map(c -> new CellJson(c.asked(), c.value() == null ? null
                                : c.value().number() != null ? c.value().number() : c.value().choice().name())).toList()))
                        .toList());
    }

    record RoleJson(RoleCode role, int level, @Nullable Integer score) {
    }

    record TrendRoundJson(long id, Instant submittedAt, int questionnaireVersion, List<RoleJson> roles) {
        static TrendRoundJson of(TrendPoint p) {
            return new TrendRoundJson(p.roundId(), p.submittedAt(), p.questionnaireVersion(), p.levels().entrySet().stream()
                    .map(e -> new RoleJson(e.getKey(), e.getValue(), p.scores().get(e.getKey()))).toList());
        }
    }

    record TrendJson(long facilityId, List<TrendRoundJson> rounds) {
    }

    /** {@code value}: a number, or a choice's name (e.g. {@code YES}, {@code PROVIDED}); null when unanswered. */
    record CellJson(boolean asked, @Nullable Object value) {
    }

    record IndicatorJson(String code, String label, @Nullable String unit, List<CellJson> rounds) {
    }

    /** {@code language}: the language of the labels and units ({@code ja} or {@code en}). */
    record IndicatorHistoryJson(RoleCode role, String language, List<Long> roundIds, List<@Nullable Integer> levels,
                                List<IndicatorJson> indicators) {
    }
}
