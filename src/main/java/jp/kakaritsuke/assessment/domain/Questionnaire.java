package jp.kakaritsuke.assessment.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/** One published version of the questionnaire, immutable. Answers always refer to the version they were given in. */
public final class Questionnaire {

    private final int version;
    private final String titleJa;
    private final String titleEn;
    private final LocalDate publishedOn;
    private final List<QuestionnaireStep> steps;
    private final Map<RoleCode, RoleQuestion> roles;
    private final Map<String, Indicator> indicators;
    private final ScoringRule scoringRule;

    public Questionnaire(int version, String titleJa, String titleEn, LocalDate publishedOn, List<QuestionnaireStep> steps,
                         List<RoleQuestion> roles) {
        this(version, titleJa, titleEn, publishedOn, steps, roles, ScoringRule.LEVEL_AND_ALL_INDICATORS);
    }

    public Questionnaire(int version, String titleJa, String titleEn, LocalDate publishedOn, List<QuestionnaireStep> steps,
                         List<RoleQuestion> roles, ScoringRule scoringRule) {
        this.version = version;
        this.scoringRule = scoringRule;
        this.titleJa = titleJa;
        this.titleEn = titleEn;
        this.publishedOn = publishedOn;
        this.steps = steps.stream().sorted(Comparator.comparingInt(QuestionnaireStep::number)).toList();
        Map<RoleCode, RoleQuestion> byRole = new LinkedHashMap<>();
        roles.stream().sorted(Comparator.comparingInt(RoleQuestion::seq)).forEach(r -> byRole.put(r.roleCode(), r));
        this.roles = Collections.unmodifiableMap(byRole);
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        this.roles.values().forEach(r -> r.indicators().forEach(i -> byCode.put(i.code(), i)));
        this.indicators = Collections.unmodifiableMap(byCode);
    }

    /**
     * This version as a facility of the type is asked it: each role with only the indicators of its audience. The
     * roles, their order, levels and anchors are the same for everyone (the association rollups rely on that).
     */
    public Questionnaire forFacility(FacilityKind type) {
        if (type == null || indicators.values().stream().allMatch(i -> i.askedOf(type))) {
            return this;
        }
        // immutable like this one, so one view per type is enough (the service asks for it on every read)
        return byFacility.computeIfAbsent(type, t -> new Questionnaire(version, titleJa, titleEn, publishedOn, steps,
                roles.values().stream().map(r -> r.forFacility(t)).toList(), scoringRule));
    }

    private final Map<FacilityKind, Questionnaire> byFacility = new ConcurrentHashMap<>();

    public int version() {
        return version;
    }

    /** How this version scores a role (docs/questionnaire.md). */
    public ScoringRule scoringRule() {
        return scoringRule;
    }

    /** The role's score under this version's rule; null without a level. */
    public Integer score(RoleQuestion question, Integer level, Map<String, IndicatorValue> answers) {
        return RoleScoring.score(scoringRule, question, level, answers);
    }

    public String title(Locale locale) {
        return Indicator.english(locale) ? titleEn : titleJa;
    }

    public String titleJa() {
        return titleJa;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    public List<QuestionnaireStep> steps() {
        return steps;
    }

    /** Role questions in the roles' order. */
    public List<RoleQuestion> roles() {
        return List.copyOf(roles.values());
    }

    public Optional<RoleQuestion> role(RoleCode roleCode) {
        return Optional.ofNullable(roles.get(roleCode));
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }
}
