package jp.kakaritsuke.assessment.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.RoundStatus;

/** What the assessment service gives and takes: plain records, no entities leave the service. */
public final class AssessmentModels {

    private AssessmentModels() {
    }

    /** A number or a choice for one indicator. */
    public record AnswerValue(BigDecimal number, Choice choice) {
        public static AnswerValue of(BigDecimal number) {
            return new AnswerValue(number, null);
        }

        public static AnswerValue of(Choice choice) {
            return new AnswerValue(null, choice);
        }
    }

    public record RoundSummary(long id, long facilityId, String facilityName, RoundStatus status, int questionnaireVersion,
                               Instant startedAt, String startedBy, Instant updatedAt, String updatedBy,
                               Instant submittedAt, String submittedBy) {
    }

    /** One role's saved answer; {@code version} is what the next save must send back. */
    public record RoleAnswerView(String roleCode, Integer level, boolean priority, String note,
                                 Map<String, AnswerValue> indicators, long version, Instant updatedAt, String updatedBy,
                                 Integer score) {
    }

    public record RoundView(RoundSummary summary, List<RoleAnswerView> answers) {
        public RoleAnswerView answer(String roleCode) {
            return answers.stream().filter(a -> a.roleCode().equals(roleCode)).findFirst().orElseThrow();
        }

        public List<String> missingLevels() {
            return answers.stream().filter(a -> a.level() == null).map(RoleAnswerView::roleCode).toList();
        }
    }

    /** What an editor sends for one role (the whole role at once). */
    public record RoleAnswerInput(Integer level, boolean priority, String note, Map<String, AnswerValue> indicators) {
    }

    public record RoleScore(String roleCode, Integer level, Integer score, boolean priority, Integer previousLevel,
                            Integer previousScore) {
        public Integer change() {
            return score == null || previousScore == null ? null : score - previousScore;
        }
    }

    /** The role profile of a round, with the previous submitted round of the same facility when there is one. */
    public record RoleProfile(RoundSummary round, RoundSummary previous, List<RoleScore> scores) {
    }
}
