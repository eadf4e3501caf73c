package jp.kakaritsuke.caselibrary.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the whole case library. It is small (25 cases, 79 practices, 117 answers), so it
 * is loaded once and queried in memory: no database round trip per screen or recommendation.
 */
public final class CaseLibrary {

    private final List<RoleGroup> roleGroups;
    private final List<Role> roles;
    private final Map<RoleCode, Role> rolesByCode;
    private final List<CaseStudy> cases;
    private final Map<String, CaseStudy> casesByNumber;
    private final List<SurveyQuestion> survey;

    public CaseLibrary(List<RoleGroup> roleGroups, List<Role> roles, List<CaseStudy> cases, List<SurveyQuestion> survey) {
        this.roleGroups = roleGroups.stream().sorted(Comparator.comparingInt(RoleGroup::seq)).toList();
        this.roles = roles.stream().sorted(Comparator.comparingInt(Role::seq)).toList();
        this.rolesByCode = this.roles.stream().collect(Collectors.toUnmodifiableMap(Role::code, Function.identity()));
        this.cases = cases.stream().sorted(Comparator.comparingInt(CaseStudy::seq)).toList();
        this.casesByNumber = this.cases.stream().collect(Collectors.toUnmodifiableMap(CaseStudy::number, Function.identity()));
        this.survey = survey.stream().sorted(Comparator.comparingInt(SurveyQuestion::number)).toList();
    }

    public List<RoleGroup> roleGroups() {
        return roleGroups;
    }

    /** The 14 roles in the seed's order. */
    public List<Role> roles() {
        return roles;
    }

    public Optional<Role> role(RoleCode code) {
        return Optional.ofNullable(rolesByCode.get(code));
    }

    /** The role's name in the locale's language; the code itself if the library lacks the role (never, once loaded). */
    public String roleName(RoleCode code, Locale locale) {
        Role role = rolesByCode.get(code);
        return role == null ? code.name() : role.name(locale);
    }

    /** All 25 cases in the seed's order (事例1–19, then 参考1–6). */
    public List<CaseStudy> cases() {
        return cases;
    }

    public Optional<CaseStudy> caseStudy(String number) {
        return Optional.ofNullable(casesByNumber.get(number));
    }

    public List<CaseStudy> findCases(CaseFilter filter) {
        return cases.stream().filter(filter::matches).toList();
    }

    public List<Practice> practices() {
        return cases.stream().flatMap(c -> c.practices().stream()).toList();
    }

    /**
     * Practices serving {@code roleCode} (any role when null) whose title or text contains every word of
     * {@code keyword} (blank = all), in the seed's order.
     */
    public List<Practice> searchPractices(RoleCode roleCode, String keyword) {
        List<String> words = keyword == null || keyword.isBlank()
                ? List.of()
                : List.of(keyword.strip().toLowerCase(Locale.ROOT).split("[\\s\u3000]+"));
        List<Practice> result = new ArrayList<>();
        for (Practice p : practices()) {
            if (roleCode != null && !p.serves(roleCode)) {
                continue;
            }
            String haystack = (p.title() + "\n" + p.body()).toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(haystack::contains)) {
                result.add(p);
            }
        }
        return result;
    }

    public List<SurveyQuestion> survey() {
        return survey;
    }

    /** Every survey answer given by {@code respondent} (a prefecture or city name), by question. */
    public List<SurveyAnswer> surveyAnswersBy(String respondent) {
        return survey.stream().flatMap(q -> q.answers().stream()).filter(a -> a.respondent().equals(respondent)).toList();
    }

    /** Respondents in the order they first appear in the survey. */
    public List<String> surveyRespondents() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        survey.forEach(q -> q.answers().forEach(a -> seen.putIfAbsent(a.respondent(), Boolean.TRUE)));
        return List.copyOf(seen.keySet());
    }

    /** Prefectures of the cases, in first-appearance order (for filters). */
    public List<String> casePrefectures() {
        return cases.stream().map(CaseStudy::prefecture).distinct().toList();
    }
}
