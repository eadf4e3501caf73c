package jp.kakaritsuke.scoring.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.scoring.domain.FacilityRoleProfile;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.service.ReasonTexts;
import jp.kakaritsuke.scoring.service.RecommendationService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/recommendations}: similar cases and practices for a profile sent by the client (docs/api.md).
 * The body is read loosely and validated here so that every problem names its field.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class RecommendationApi {

    private final RecommendationService recommendations;
    private final ReasonTexts texts;

    RecommendationApi(RecommendationService recommendations, ReasonTexts texts) {
        this.recommendations = recommendations;
        this.texts = texts;
    }

    record RequestJson(Object facilityType, Object prefecture, Object beds, Object areaType, Object levels,
                       Object priorities) {
    }

    record SimilarCaseJson(String number, String name, String category, boolean reference, double similarity,
                           List<String> reasons) {
    }

    /**
     * {@code summary}: what the case's facility did, verbatim from the casebook ({@code summaryDerived} false) or
     * written by us; {@code why}: one sentence on why it fits; {@code reason}/{@code reasons}: the older tag form.
     */
    record PracticeJson(String caseNumber, int practiceNumber, String title, String summary, boolean summaryDerived,
                        String why, List<RoleCode> roles, String reason, List<String> reasons, String source, String link) {
    }

    /** One group of the page and the report: a priority role or a weak role, with its one or two practices. */
    record GroupJson(RoleCode role, String roleName, String kind, int level, List<PracticeJson> practices) {
    }

    /** {@code practices} lists the groups' practices in the groups' order, for clients that do not group. */
    record ResponseJson(List<SimilarCaseJson> similarCases, List<GroupJson> groups, List<PracticeJson> practices) {
    }

    @PostMapping(path = "/recommendations", consumes = "application/json")
    ResponseJson recommend(@RequestBody RequestJson body) {
        FacilityRoleProfile profile = parse(body);
        Recommendation r = recommendations.recommend(profile);
        Locale ja = Locale.JAPANESE;
        List<GroupJson> groups = r.groups().stream().map(g -> new GroupJson(g.roleCode(),
                texts.roleName(g.roleCode(), ja),
                g.kind().name(), g.level(), g.practices().stream().map(p -> practice(p, ja)).toList())).toList();
        return new ResponseJson(
                r.similarCases().stream().map(c -> new SimilarCaseJson(c.number(), c.name(), c.category(), c.reference(),
                        c.similarity(), texts.render(c.reasons(), ja))).toList(),
                groups, groups.stream().flatMap(g -> g.practices().stream()).toList());
    }

    private PracticeJson practice(Recommendation.RecommendedPractice p, Locale locale) {
        List<String> reasons = texts.render(p.reasons(), locale);
        String reason = String.join(AppI18NProvider.bundle(locale).getString("recommendation.reasonSeparator"), reasons);
        return new PracticeJson(p.caseNumber(), p.practiceNumber(), p.title(), p.summary(), p.summaryDerived(),
                texts.render(p.why(), locale), p.roles(), reason, reasons,
                new SourceReference(p.caseNumber(), p.practiceNumber()).shortJa(),
                "/cases/" + p.caseNumber() + "#practice-" + p.practiceNumber());
    }

    static FacilityRoleProfile parse(RequestJson body) {
        List<String> errors = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        FacilityKind kind = null;
        if (body == null) {
            throw new InvalidInputException(List.of("recommendation.error.body"), List.of("body"));
        }
        try {
            kind = FacilityKind.valueOf(String.valueOf(body.facilityType()));
        } catch (IllegalArgumentException e) {
            errors.add("recommendation.error.facilityType");
            fields.add("facilityType");
        }
        String prefecture = body.prefecture() == null ? null : String.valueOf(body.prefecture());
        if (prefecture != null && jp.kakaritsuke.base.Region.of(prefecture) == null) {
            errors.add("recommendation.error.prefecture");
            fields.add("prefecture");
        }
        int beds = 0;
        if (body.beds() != null) {
            if (body.beds() instanceof Integer b && b >= 0 && b <= 3000) {
                beds = b;
            } else {
                errors.add("recommendation.error.beds");
                fields.add("beds");
            }
        }
        AreaType area = null;
        if (body.areaType() != null) {
            try {
                area = AreaType.valueOf(String.valueOf(body.areaType()));
            } catch (IllegalArgumentException e) {
                errors.add("recommendation.error.areaType");
                fields.add("areaType");
            }
        }
        Map<RoleCode, Integer> levels = new EnumMap<>(RoleCode.class);
        if (body.levels() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String code = String.valueOf(k);
                Optional<RoleCode> role = RoleCode.parse(code);
                if (role.isEmpty()) {
                    errors.add("recommendation.error.role");
                    fields.add("levels." + code);
                } else if (!(v instanceof Integer level) || level < 0 || level > 4) {
                    errors.add("recommendation.error.level");
                    fields.add("levels." + code);
                } else {
                    levels.put(role.get(), level);
                }
            });
        } else if (body.levels() != null) {
            errors.add("recommendation.error.levels");
            fields.add("levels");
        }
        Set<RoleCode> priorities = EnumSet.noneOf(RoleCode.class);
        if (body.priorities() instanceof List<?> list) {
            for (Object o : list) {
                String code = String.valueOf(o);
                Optional<RoleCode> role = RoleCode.parse(code);
                if (role.isPresent()) {
                    priorities.add(role.get());
                } else {
                    errors.add("recommendation.error.role");
                    fields.add("priorities." + code);
                }
            }
        } else if (body.priorities() != null) {
            errors.add("recommendation.error.priorities");
            fields.add("priorities");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().distinct().toList(), fields);
        }
        return FacilityRoleProfile.of(kind, prefecture, beds, area, levels, priorities);
    }
}
