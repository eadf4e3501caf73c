package jp.kakaritsuke.assessment.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleProfile;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundSummary;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Questionnaire and assessments for API clients; the same service-level authorisation as the UI (docs/api.md). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class AssessmentApi {

    private final QuestionnaireService questionnaires;
    private final RoundService rounds;
    private final RoleProfileService profiles;

    AssessmentApi(QuestionnaireService questionnaires, RoundService rounds, RoleProfileService profiles) {
        this.questionnaires = questionnaires;
        this.rounds = rounds;
        this.profiles = profiles;
    }

    /**
     * Every indicator with its {@code audience}; {@code ?facilityType=CLINIC|HOSPITAL|ASSOCIATION} gives only the
     * indicators that kind of facility is asked (version 3 asks associations other indicators than clinics).
     */
    @GetMapping("/questionnaires/current")
    QuestionnaireJson current(@RequestParam(required = false) FacilityKind facilityType) {
        return QuestionnaireJson.of(questionnaires.current().forFacility(facilityType));
    }

    @GetMapping("/assessments")
    List<RoundJson> assessments() {
        return rounds.visibleRounds().stream().map(RoundJson::of).toList();
    }

    @GetMapping("/assessments/{id}")
    AssessmentJson assessment(@PathVariable long id) {
        RoundView round = rounds.round(id);
        RoleProfile profile = profiles.profile(id);
        Map<RoleCode, Integer> scores = new EnumMap<>(RoleCode.class);
        profile.scores().forEach(s -> scores.put(s.roleCode(), s.score()));
        List<RoleAnswerJson> answers = round.answers().stream().map(a -> new RoleAnswerJson(a.roleCode(), a.level(),
                a.priority(), a.note(), AssessmentEditApi.RoleJson.indicators(a), scores.get(a.roleCode()), a.version(),
                a.confirmed())).toList();
        return new AssessmentJson(RoundJson.of(round.summary()), answers,
                profile.scores().stream().map(ScoreJson::of).toList());
    }

    /** {@code {"case": "17", "practice": 1}} = 事例17 ① */
    record SourceJson(@JsonProperty("case") String caseNumber, Integer practice) {
    }

    /**
     * {@code reportItem}: from version 3 set only where the indicator IS the report's item (same question, choices and
     * period); {@code audience}: ALL / FACILITY / CLINIC / HOSPITAL / ASSOCIATION; {@code period}: the period the answer
     * covers (null before version 3); {@code basisJa}: the rule an indicator rests on when {@code source} is null.
     */
    record IndicatorJson(String code, String labelJa, String labelEn, String type, List<String> choices, String unitJa,
                         Integer min, Integer max, Integer fullCredit, SourceJson source, String reportItem,
                         String reportItemJa, String audience, String period, String basisJa, String basisEn) {
        static IndicatorJson of(Indicator i) {
            return new IndicatorJson(i.code(), i.labelJa(), i.labelEn(), i.type().name(),
                    i.choices().stream().map(Enum::name).toList(), i.unitJa(),
                    i.min(), i.max(), i.fullCredit(),
                    i.sourceCase() == null ? null : new SourceJson(i.sourceCase(), i.sourcePractice()), i.reportItemCode(),
                    i.reportItemJa(), i.audience().name(), i.period() == null ? null : i.period().name(), i.basisJa(),
                    i.basisEn());
        }
    }

    record RoleJson(RoleCode code, int step, String helpJa, String helpEn, String helpSource, List<String> levelsJa,
                    List<String> levelsEn, List<IndicatorJson> indicators) {
        static RoleJson of(RoleQuestion q) {
            return new RoleJson(q.roleCode(), q.stepNumber(), q.helpJa(), q.helpEn(), q.helpSource(), q.levelsJa(),
                    q.levelsEn(), q.indicators().stream().map(IndicatorJson::of).toList());
        }
    }

    record StepJson(int number, String code, String titleJa, String titleEn, List<RoleCode> roles) {
    }

    record QuestionnaireJson(int version, String titleJa, String publishedOn, String scoringRule, List<StepJson> steps,
                             List<RoleJson> roles) {
        static QuestionnaireJson of(Questionnaire q) {
            return new QuestionnaireJson(q.version(), q.titleJa(), q.publishedOn().toString(), q.scoringRule().name(),
                    q.steps().stream().map(s -> new StepJson(s.number(), s.code(), s.titleJa(), s.titleEn(), s.roleCodes())).toList(),
                    q.roles().stream().map(RoleJson::of).toList());
        }
    }

    record RoundJson(long id, long facilityId, String facility, String status, int questionnaireVersion, String startedAt,
                     String submittedAt, String submittedBy) {
        static RoundJson of(RoundSummary r) {
            return new RoundJson(r.id(), r.facilityId(), r.facilityName(), r.status().name(), r.questionnaireVersion(),
                    r.startedAt().toString(), r.submittedAt() == null ? null : r.submittedAt().toString(), r.submittedBy());
        }
    }

    /** {@code version}: what a save must send back (docs/api.md); {@code confirmed}: false for an unconfirmed carried answer. */
    record RoleAnswerJson(RoleCode role, Integer level, boolean priority, String note, Map<String, Object> indicators,
                          Integer score, long version, boolean confirmed) {
    }

    /** {@code detailed}: at least one indicator counts in the score (otherwise version 2 scores the level alone). */
    record ScoreJson(RoleCode role, Integer level, Integer score, Integer previousScore, boolean detailed) {
        static ScoreJson of(RoleScore s) {
            return new ScoreJson(s.roleCode(), s.level(), s.score(), s.previousScore(), s.detailed());
        }
    }

    record AssessmentJson(RoundJson round, List<RoleAnswerJson> answers, List<ScoreJson> scores) {
    }
}
