package jp.kakaritsuke.assessment.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleAnswer;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoleScoring;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorCell;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorHistory;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorRow;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleProfile;
import jp.kakaritsuke.assessment.service.AssessmentModels.TrendPoint;
import jp.kakaritsuke.assessment.service.AssessmentModels.TrendRound;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.scoring.domain.FacilityRoleProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a round says of the facility's roles: the scores per role beside the previous submitted round (the result page,
 * the API, the board report), and the profile the scoring compares with the cases. Read like the round itself
 * ({@link FacilityScope#SUBMITTED_RESULTS} for a submitted round, {@link FacilityScope#INTERNALS} for a draft); a read
 * from outside the facility is recorded in the audit log.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RoleProfileService {

    private final AssessmentRoundRepository rounds;
    private final RoundReader reader;
    private final ApplicationEventPublisher events;

    RoleProfileService(AssessmentRoundRepository rounds, RoundReader reader, ApplicationEventPublisher events) {
        this.rounds = rounds;
        this.reader = reader;
        this.events = events;
    }

    /**
     * Scores per role for a round, beside the previous submitted round of the same facility. Read by someone outside
     * the facility (association staff through consent, an administrator), it is recorded as a read of another
     * facility's results.
     */
    @Transactional(readOnly = true)
    public RoleProfile profile(long roundId) {
        return profile(roundId, "profile");
    }

    /** The same for the board report, recorded as the report's download (once, not also as a profile read). */
    @Transactional(readOnly = true)
    public RoleProfile reportProfile(long roundId) {
        return profile(roundId, "report.xlsx");
    }

    /**
     * The round as the scoring sees it: the facility's kind, place, size and area (as submitted, falling back to the
     * current profile for drafts) with the round's levels and priorities.
     */
    @Transactional(readOnly = true)
    public FacilityRoleProfile scoringProfile(long roundId) {
        AssessmentRound round = reader.readable(roundId);
        FacilityProfile facility = reader.facility(round.getFacilityId());
        return new FacilityRoleProfile(
                round.getSnapshotFacilityType() != null ? round.getSnapshotFacilityType() : facility.type(),
                round.getSnapshotPrefecture() != null ? round.getSnapshotPrefecture() : facility.prefecture(),
                round.getSnapshotBedsTotal() != null ? round.getSnapshotBedsTotal() : facility.bedsTotal(),
                round.getSnapshotAreaType() != null ? round.getSnapshotAreaType() : facility.areaType(),
                round.roleLevels());
    }

    /**
     * Every submitted round of the facility of {@code roundId}, oldest first, read like the round (issue 15 contract:
     * stream B implements).
     */
    @Transactional(readOnly = true)
    public AssessmentModels.RoleTrend trend(long roundId) {
        return trend(roundId, true);
    }

    /**
     * The same for the board report's 「推移」 sheet: not recorded again, since {@link #reportProfile} records the
     * report's download once.
     */
    @Transactional(readOnly = true)
    public AssessmentModels.RoleTrend reportTrend(long roundId) {
        return trend(roundId, false);
    }

    /**
     * A role's indicator answers across every submitted round of the facility of {@code roundId} (the drill-down under
     * the trend): indicators matched by code across questionnaire versions, labelled in {@code locale}. Read like the
     * round; a read from outside the facility is recorded like {@link #profile}.
     */
    @Transactional(readOnly = true)
    public IndicatorHistory indicatorHistory(long roundId, RoleCode roleCode, Locale locale) {
        AssessmentRound round = reader.readable(roundId);
        audit(round, "indicator history " + roleCode.name());
        List<AssessmentRound> submitted = rounds.findSubmittedWithAnswers(round.getFacilityId());
        List<TrendRound> columns = new ArrayList<>();
        List<@Nullable Integer> levels = new ArrayList<>();
        List<Optional<RoleQuestion>> asked = new ArrayList<>();
        for (AssessmentRound r : submitted) {
            columns.add(new TrendRound(r.getId(), r.getSubmittedAt(), r.getQuestionnaireVersion()));
            levels.add(r.answer(roleCode).map(RoleAnswer::getLevel).orElse(null));
            asked.add(reader.questionnaireOf(r).role(roleCode));
        }
        // every code any round's version asked; the newest version that asks one gives its label, unit and place
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        for (int i = asked.size() - 1; i >= 0; i--) {
            asked.get(i).ifPresent(q -> q.indicators().forEach(ind -> byCode.putIfAbsent(ind.code(), ind)));
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (Indicator indicator : byCode.values()) {
            List<IndicatorCell> cells = new ArrayList<>();
            for (int i = 0; i < submitted.size(); i++) {
                boolean askedThen = asked.get(i).map(q -> q.indicators().stream()
                        .anyMatch(ind -> ind.code().equals(indicator.code()))).orElse(false);
                IndicatorValue v = !askedThen ? null : submitted.get(i).answer(roleCode)
                        .map(a -> a.getIndicators().get(indicator.code())).orElse(null);
                cells.add(new IndicatorCell(askedThen,
                        v == null || v.isEmpty() ? null : new AnswerValue(v.getNumber(), v.getChoice())));
            }
            rows.add(new IndicatorRow(indicator.code(), indicator.label(locale), indicator.unit(locale), indicator.type(),
                    List.copyOf(cells)));
        }
        return new IndicatorHistory(roleCode, List.copyOf(columns), Collections.unmodifiableList(levels), List.copyOf(rows));
    }

    private AssessmentModels.RoleTrend trend(long roundId, boolean audited) {
        AssessmentRound round = reader.readable(roundId);
        if (audited) {
            audit(round, "trend");
        }
        List<TrendPoint> points = new ArrayList<>();
        for (AssessmentRound r : rounds.findSubmittedWithAnswers(round.getFacilityId())) {
            // each round scored through its own questionnaire version, as its facility was asked it then
            Questionnaire q = reader.questionnaireOf(r);
            Map<RoleCode, Integer> levels = new EnumMap<>(RoleCode.class);
            Map<RoleCode, Integer> scores = new EnumMap<>(RoleCode.class);
            for (RoleAnswer a : r.getAnswers()) {
                if (a.getLevel() == null) {
                    continue;
                }
                levels.put(a.getRoleCode(), a.getLevel());
                q.role(a.getRoleCode()).ifPresent(question -> {
                    Integer score = q.score(question, a.getLevel(), a.getIndicators());
                    if (score != null) {
                        scores.put(a.getRoleCode(), score);
                    }
                });
            }
            points.add(new TrendPoint(r.getId(), r.getSubmittedAt(), r.getQuestionnaireVersion(),
                    Collections.unmodifiableMap(levels), Collections.unmodifiableMap(scores)));
        }
        return new AssessmentModels.RoleTrend(round.getFacilityId(), List.copyOf(points));
    }

    /** A read from outside the facility (association staff through consent, an administrator) goes to the audit log. */
    private void audit(AssessmentRound round, String what) {
        if (reader.outsider(round.getFacilityId())) {
            events.publishEvent(AuditEvent.ofFacility(AuditAction.REPORT_DOWNLOADED, round.getFacilityId(), null,
                    what + ", round " + round.getId()));
        }
    }

    /** A role's level and score in the previous round. */
    private record Previous(Integer level, Integer score) {
        static final Previous NONE = new Previous(null, null);
    }

    private RoleProfile profile(long roundId, String what) {
        AssessmentRound round = reader.readable(roundId);
        audit(round, what);
        String name = reader.facilityName(round.getFacilityId());
        Optional<AssessmentRound> previous = round.getStatus() == RoundStatus.SUBMITTED
                ? rounds.findSubmittedBefore(round.getFacilityId(), round.getId(), round.getSubmittedAt(), Limit.of(1))
                        .stream().findFirst()
                : rounds.findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(round.getFacilityId(),
                        RoundStatus.SUBMITTED);
        Map<RoleCode, Previous> before = new EnumMap<>(RoleCode.class);
        previous.ifPresent(p -> {
            Questionnaire pq = reader.questionnaireOf(p);
            p.getAnswers().forEach(a -> pq.role(a.getRoleCode()).ifPresent(q -> before.put(a.getRoleCode(),
                    new Previous(a.getLevel(), pq.score(q, a.getLevel(), a.getIndicators())))));
        });
        Questionnaire questionnaire = reader.questionnaireOf(round);
        List<RoleScore> scores = new ArrayList<>();
        for (RoleQuestion q : questionnaire.roles()) {
            RoleAnswer a = round.answer(q.roleCode()).orElse(null);
            Previous p = before.getOrDefault(q.roleCode(), Previous.NONE);
            scores.add(new RoleScore(q.roleCode(), a == null ? null : a.getLevel(),
                    a == null ? null : questionnaire.score(q, a.getLevel(), a.getIndicators()),
                    a != null && a.isPriority(), p.level(), p.score(),
                    a != null && RoleScoring.detailed(q, a.getIndicators())));
        }
        return new RoleProfile(RoundReader.summary(round, name),
                previous.map(r -> RoundReader.summary(r, name)).orElse(null), scores);
    }
}
