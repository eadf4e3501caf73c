package jp.kakaritsuke.assessment.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerChange;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/** What the assessment service gives and takes: plain records, no entities leave the service. */
public final class AssessmentModels {

    private AssessmentModels() {
    }

    /**
     * The answer to one indicator: a number, a choice, or a number as a person typed it ({@code text}, read by the
     * service with {@code base.NumberInput}, so the UI and the API normalise the same way). The service answers with
     * {@code number} or {@code choice}, never {@code text}.
     */
    public record AnswerValue(BigDecimal number, Choice choice, String text) {

        public AnswerValue(BigDecimal number, Choice choice) {
            this(number, choice, null);
        }

        public static AnswerValue of(BigDecimal number) {
            return new AnswerValue(number, null, null);
        }

        public static AnswerValue of(Choice choice) {
            return new AnswerValue(null, choice, null);
        }

        /** A number as typed (「１２」「1,200」): the service parses it, and refuses it with a field error if it is none. */
        public static AnswerValue typed(String text) {
            return new AnswerValue(null, null, text);
        }

        public boolean isEmpty() {
            return number == null && choice == null && (text == null || text.isBlank());
        }
    }

    public record RoundSummary(long id, long facilityId, String facilityName, RoundStatus status, int questionnaireVersion,
                               Instant startedAt, String startedBy, Instant updatedAt, String updatedBy,
                               Instant submittedAt, String submittedBy) {
    }

    /**
     * One role's saved answer; {@code version} is what the next save (or 「変更なし」) must send back.
     * {@code confirmed}: false only for an answer carried over from the previous round that nobody has confirmed or
     * changed yet. {@code previous}: that round's answer of the role (its own {@code previous} is null), mapped to this
     * version's indicators; null in a first round.
     */
    public record RoleAnswerView(RoleCode roleCode, Integer level, boolean priority, String note,
                                 Map<String, AnswerValue> indicators, long version, Instant updatedAt, String updatedBy,
                                 Integer score, boolean confirmed, RoleAnswerView previous) {
    }

    public record RoundView(RoundSummary summary, List<RoleAnswerView> answers) {
        public RoleAnswerView answer(RoleCode roleCode) {
            return answers.stream().filter(a -> a.roleCode() == roleCode).findFirst().orElseThrow();
        }

        /** Roles without a level: the round cannot be submitted while there are any. */
        public List<RoleCode> missingLevels() {
            return answers.stream().filter(a -> a.level() == null).map(RoleAnswerView::roleCode).toList();
        }

        /** Roles carried over from the previous round that still wait for 「変更なし」 or a change. */
        public List<RoleCode> unconfirmed() {
            return answers.stream().filter(a -> !a.confirmed()).map(RoleAnswerView::roleCode).toList();
        }

        /**
         * Whether the round may be submitted: every role has a level and none waits for a confirmation. The one rule
         * of completeness: the submission refuses by it, the review enables its button by it.
         */
        public boolean complete() {
            return missingLevels().isEmpty() && unconfirmed().isEmpty();
        }

        /**
         * What differs from the previous round, role by role in the roles' order (level, priority, indicators, note).
         * Empty in a first round. Derived from each answer's {@code previous}, so a view rebuilt after a save is current.
         */
        public List<AnswerChange> changes() {
            List<AnswerChange> changes = new ArrayList<>();
            for (RoleAnswerView a : answers) {
                if (a.previous() != null) {
                    changes.addAll(AnswerChanges.between(a.previous(), a));
                }
            }
            return changes;
        }
    }

    /** What an editor sends for one role (the whole role at once). */
    public record RoleAnswerInput(Integer level, boolean priority, String note, Map<String, AnswerValue> indicators) {
    }

    /**
     * A role's score; {@code detailed} when at least one of its indicators was answered with a value that counts
     * (under version 2 a role without such an answer scores on its level alone).
     */
    public record RoleScore(RoleCode roleCode, Integer level, Integer score, boolean priority, Integer previousLevel,
                            Integer previousScore, boolean detailed) {
        public Integer change() {
            return score == null || previousScore == null ? null : score - previousScore;
        }
    }

    /** The role profile of a round, with the previous submitted round of the same facility when there is one. */
    public record RoleProfile(RoundSummary round, RoundSummary previous, List<RoleScore> scores) {
    }

    /**
     * One submitted round in a facility's trend (issue 15, stream B): level and score per role; a role the round did
     * not answer is absent from the maps.
     */
    public record TrendPoint(long roundId, Instant submittedAt, int questionnaireVersion, Map<RoleCode, Integer> levels,
                             Map<RoleCode, Integer> scores) {
    }

    /** Every submitted round of a facility, oldest first (issue 15, stream B). */
    public record RoleTrend(long facilityId, List<TrendPoint> rounds) {
    }

    /** A submitted round as a column of the indicator history. */
    public record TrendRound(long roundId, Instant submittedAt, int questionnaireVersion) {
    }

    /**
     * One indicator's answer in one round: {@code asked} false when that round's questionnaire version (as its
     * facility was asked it) had no indicator of this code; {@code value} null when it was asked but left unanswered.
     */
    public record IndicatorCell(boolean asked, @org.jspecify.annotations.Nullable AnswerValue value) {
    }

    /**
     * One indicator of a role across the rounds, matched by its code: label and unit in the reader's language from the
     * newest version that asks it, one cell per round in the order of {@link IndicatorHistory#rounds()}.
     */
    public record IndicatorRow(String code, String label, @org.jspecify.annotations.Nullable String unit,
                               jp.kakaritsuke.assessment.domain.AnswerType type, List<IndicatorCell> cells) {
    }

    /**
     * A role's answers across every submitted round of a facility (oldest first): the level per round (null where the
     * round has none) and one row per indicator any of the rounds' versions asked.
     */
    public record IndicatorHistory(RoleCode roleCode, List<TrendRound> rounds,
                                   List<@org.jspecify.annotations.Nullable Integer> levels, List<IndicatorRow> rows) {
    }
}
