package jp.kakaritsuke.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.domain.PracticeSummary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.scoring.domain.FacilityRoleProfile;
import jp.kakaritsuke.scoring.domain.Reach;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.domain.Recommendation.GroupKind;
import jp.kakaritsuke.scoring.domain.Recommendation.PracticeGroup;
import jp.kakaritsuke.scoring.domain.Recommendation.RecommendedPractice;
import jp.kakaritsuke.scoring.domain.ScoringModel;
import jp.kakaritsuke.scoring.service.ReasonTexts;
import jp.kakaritsuke.scoring.service.RecommendationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 11's recommendations a director can act on: a summary of what the case did, one sentence on why, groups per
 * priority and weak role in one order, and only practices the facility's kind can take up (docs/scoring.md).
 */
@SpringBootTest
class RecommendationGroupsTest {

    @Autowired
    CaseLibraryService caseLibrary;

    @Autowired
    ReasonTexts texts;

    CaseLibrary library;
    ScoringModel model;

    @BeforeEach
    void setUp() {
        library = caseLibrary.library();
        model = RecommendationService.build(library);
    }

    @Test
    void everyPracticeHasAShortSummaryAndTheSeedsOwnOnesStandVerbatimInItsBody() {
        assertThat(library.practices()).hasSize(79);
        int derived = 0;
        for (Practice p : library.practices()) {
            PracticeSummary s = p.summary();
            assertThat(s.text()).as("summary of %s", p.source()).isNotBlank().endsWith("。");
            assertThat(s.text().length()).as("length of %s", p.source()).isLessThanOrEqualTo(PracticeSummary.MAX_CHARS);
            if (s.derived()) {
                derived++;
            } else {
                assertThat(p.body()).as("verbatim in %s", p.source()).contains(s.text());
                // more than the bare frame 「当該医療機関では」
                assertThat(s.text().replaceFirst("^当該医療(機関|法人)(では|は|においては)、?", "")).hasSizeGreaterThan(15);
            }
        }
        // written summaries stay the exception, each marked as derived
        assertThat(derived).isBetween(1, 8);
    }

    @Test
    void aSentenceThatOnlySetsTheSceneIsSkipped() {
        // 事例13 ①: the first sentence tells of the complaints before, the second what the hospital did
        Practice p = practice("13", 1);
        assertThat(p.summary().text()).startsWith("こうした課題について").doesNotContain("根強くあった");
        assertThat(p.summary().derived()).isFalse();
    }

    @Test
    void aHospitalOnlyPracticeIsNotOfferedToAClinic() {
        // weak in hospital–hospital and care cooperation, no priorities: 参考3 ② (病病連携 of a hospital) and
        // 事例15 ② (taking patients from acute hospitals into its own beds) cannot apply to a clinic
        FacilityRoleProfile clinic = profile(FacilityKind.CLINIC, Map.of(RoleCode.HOME_CARE, 3, RoleCode.CLINIC_CLINIC, 3));
        List<RecommendedPractice> offered = model.practices(clinic, 30);
        assertThat(offered).isNotEmpty();
        assertThat(offered).noneMatch(p -> is(p, "参考3", 2) || is(p, "15", 2));
        assertThat(model.applicablePracticeIds(clinic)).doesNotContain(practice("参考3", 2).id(), practice("15", 2).id());
        assertThat(model.groups(clinic, 30)).noneMatch(g -> g.roleCode() == RoleCode.HOSPITAL_HOSPITAL);
        // the same profile as a hospital is offered hospital–hospital practices
        FacilityRoleProfile hospital = profile(FacilityKind.HOSPITAL, Map.of(RoleCode.HOME_CARE, 3, RoleCode.CLINIC_CLINIC, 3));
        assertThat(model.groups(hospital, 30)).anyMatch(g -> g.roleCode() == RoleCode.HOSPITAL_HOSPITAL && !g.practices().isEmpty());
        // a clinic that asked for hospital–hospital cooperation gets it
        FacilityRoleProfile asking = profile(FacilityKind.CLINIC, Map.of(RoleCode.HOME_CARE, 3), RoleCode.HOSPITAL_HOSPITAL);
        PracticeGroup first = model.groups(asking, 10).getFirst();
        assertThat(first.roleCode()).isEqualTo(RoleCode.HOSPITAL_HOSPITAL);
        assertThat(first.practices()).isNotEmpty();
    }

    @Test
    void noClinicIsOfferedAHospitalOrNetworkPracticeExceptForItsPriorities() {
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) {
            FacilityRoleProfile f = randomProfile(random, FacilityKind.CLINIC);
            for (PracticeGroup g : model.groups(f, ScoringModel.MAX_PRACTICES)) {
                for (RecommendedPractice p : g.practices()) {
                    CaseStudy c = library.caseStudy(p.caseNumber()).orElseThrow();
                    Reach reach = Reach.of(c.facilityKind(), c.number(), p.practiceNumber()).reach();
                    // only in the group of a role the clinic chose (not under one of its weak roles)
                    if (reach == Reach.HOSPITAL || reach == Reach.NETWORK) {
                        assertThat(g.kind()).as("%s %s-%s offered to %s", reach, c.number(), p.practiceNumber(), f)
                                .isEqualTo(GroupKind.PRIORITY);
                    }
                }
            }
        }
    }

    @Test
    void aHomeCareClinicWithoutChildHealthIsNotOfferedThePaediatricCertification() {
        Practice certification = library.practices().stream().filter(p -> p.body().contains("地域総合小児医療認定医"))
                .filter(p -> p.title().contains("地域総合小児医療認定医")).findFirst().orElseThrow();
        FacilityRoleProfile homeCare = FacilityRoleProfile.of(FacilityKind.CLINIC, "福井県", 0, AreaType.REGIONAL_CITY,
                Map.of(RoleCode.HOME_CARE, 4, RoleCode.OUT_OF_HOURS, 4, RoleCode.END_OF_LIFE, 3, RoleCode.MULTIDISCIPLINARY, 3, RoleCode.MATERNAL_CHILD, 0),
                Set.of(RoleCode.END_OF_LIFE));
        List<PracticeGroup> groups = model.groups(homeCare, 30);
        assertThat(groups).anyMatch(g -> g.roleCode() == RoleCode.MATERNAL_CHILD);
        assertThat(groups.stream().flatMap(g -> g.practices().stream())).noneMatch(p -> p.id() == certification.id());
        assertThat(model.applicablePracticeIds(homeCare)).doesNotContain(certification.id());
        // a paediatric clinic (level 3 in 母子保健) may be: it joins the certification with work it already does
        FacilityRoleProfile paediatric = FacilityRoleProfile.of(FacilityKind.CLINIC, "埼玉県", 0, AreaType.METROPOLITAN,
                Map.of(RoleCode.MATERNAL_CHILD, 3, RoleCode.SCHOOL_HEALTH, 3), Set.of(RoleCode.MATERNAL_CHILD));
        assertThat(model.applicablePracticeIds(paediatric)).contains(certification.id());
    }

    @Test
    void groupsComePerPriorityInRoleOrderThenPerWeakRoleWeakestFirst() {
        Random random = new Random(23);
        List<RoleCode> roles = List.of(RoleCode.values());
        for (int i = 0; i < 300; i++) {
            FacilityRoleProfile f = randomProfile(random, FacilityKind.values()[random.nextInt(3)]);
            List<PracticeGroup> groups = model.groups(f, ScoringModel.MAX_PRACTICES);
            List<RoleCode> priorities = roles.stream().filter(f::isPriority).toList();
            // every priority role has its own group, in the roles' order, first
            assertThat(groups.stream().filter(g -> g.kind() == GroupKind.PRIORITY).map(PracticeGroup::roleCode).toList())
                    .isEqualTo(priorities);
            assertThat(groups.subList(0, priorities.size())).allMatch(g -> g.kind() == GroupKind.PRIORITY);
            List<PracticeGroup> gaps = groups.subList(priorities.size(), groups.size());
            for (int g = 1; g < gaps.size(); g++) {
                PracticeGroup a = gaps.get(g - 1);
                PracticeGroup b = gaps.get(g);
                assertThat(a.level() < b.level() || (a.level() == b.level()
                        && roles.indexOf(a.roleCode()) < roles.indexOf(b.roleCode()))).as("%s before %s", a, b).isTrue();
            }
            assertThat(gaps).allMatch(g -> g.level() <= ScoringModel.GAP_LEVEL && !g.practices().isEmpty());
            Set<Long> seen = new HashSet<>();
            for (PracticeGroup g : groups) {
                assertThat(g.practices()).hasSizeLessThanOrEqualTo(ScoringModel.PER_GROUP);
                for (RecommendedPractice p : g.practices()) {
                    // shown once, unless a priority would otherwise stand empty
                    assertThat(seen.add(p.id()) || (g.kind() == GroupKind.PRIORITY && g.practices().size() == 1))
                            .as("shown once: %s", p.id()).isTrue();
                    assertThat(practice(p.caseNumber(), p.practiceNumber()).serves(g.roleCode())).isTrue();
                }
            }
            // a priority group is empty only when no practice serving the role applies at all
            for (PracticeGroup g : groups) {
                if (g.kind() == GroupKind.PRIORITY && g.practices().isEmpty()) {
                    assertThat(library.practices()).noneMatch(p -> p.serves(g.roleCode()));
                }
            }
            // the flat list the API and the report also give is the groups' order
            Recommendation r = model.recommend(f, 25, ScoringModel.MAX_PRACTICES);
            Set<Long> once = new HashSet<>();
            assertThat(r.practices()).isEqualTo(groups.stream().flatMap(g -> g.practices().stream())
                    .filter(p -> once.add(p.id())).toList());
        }
    }

    @Test
    void aPriorityHomeCareGetsAGroupOfItsOwn() {
        // the home-care clinic: 在宅医療 as a priority got no group of its own before
        FacilityRoleProfile f = FacilityRoleProfile.of(FacilityKind.CLINIC, "福井県", 0, AreaType.REGIONAL_CITY,
                levels(Map.of(RoleCode.HOME_CARE, 4, RoleCode.OUT_OF_HOURS, 3, RoleCode.CLINIC_CLINIC, 2, RoleCode.MULTIDISCIPLINARY, 1)),
                Set.of(RoleCode.HOME_CARE, RoleCode.OUT_OF_HOURS));
        List<PracticeGroup> groups = model.groups(f, ScoringModel.MAX_PRACTICES);
        assertThat(groups.subList(0, 2)).extracting(PracticeGroup::roleCode).containsExactly(RoleCode.OUT_OF_HOURS, RoleCode.HOME_CARE);
        assertThat(groups.get(1).practices()).isNotEmpty();
        assertThat(groups.subList(2, groups.size())).extracting(PracticeGroup::roleCode)
                .containsExactly(RoleCode.MULTIDISCIPLINARY, RoleCode.CLINIC_CLINIC);
    }

    @Test
    void eachPracticeSaysWhyInOnePlainSentenceInBothLanguages() {
        Random random = new Random(29);
        for (int i = 0; i < 100; i++) {
            FacilityRoleProfile f = randomProfile(random, FacilityKind.values()[random.nextInt(3)]);
            for (PracticeGroup g : model.groups(f, ScoringModel.MAX_PRACTICES)) {
                for (RecommendedPractice p : g.practices()) {
                    assertThat(p.why().key()).startsWith("reason.why.");
                    String ja = texts.render(p.why(), Locale.JAPANESE);
                    String en = texts.render(p.why(), Locale.ENGLISH);
                    assertThat(ja).endsWith("。").doesNotContain("{").doesNotContain("reason.")
                            .contains(texts.roleName(g.roleCode(), Locale.JAPANESE));
                    assertThat(ja.chars().filter(c -> c == '。').count()).isEqualTo(1);
                    assertThat(en).endsWith(".").doesNotContain("{").doesNotContain("reason.")
                            .contains(texts.roleName(g.roleCode(), Locale.ENGLISH))
                            .doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}]");
                    assertThat(p.summary()).isEqualTo(practice(p.caseNumber(), p.practiceNumber()).summary().text());
                }
            }
        }
        FacilityRoleProfile f = FacilityRoleProfile.of(FacilityKind.CLINIC, "福井県", 0, AreaType.REGIONAL_CITY,
                levels(Map.of(RoleCode.HOME_CARE, 4, RoleCode.MULTIDISCIPLINARY, 1)), Set.of(RoleCode.HOME_CARE));
        List<PracticeGroup> groups = model.groups(f, ScoringModel.MAX_PRACTICES);
        assertThat(texts.render(groups.getFirst().practices().getFirst().why(), Locale.JAPANESE)).startsWith("重点に選んだ在宅医療で、");
        PracticeGroup multidisciplinary = groups.stream().filter(g -> g.roleCode() == RoleCode.MULTIDISCIPLINARY).findFirst().orElseThrow();
        assertThat(texts.render(multidisciplinary.practices().getFirst().why(), Locale.JAPANESE))
                .startsWith("多職種連携がレベル1のため、次の段階の例として");
    }

    /** Level 3 (no gap) for every role not given. */
    private Map<RoleCode, Integer> levels(Map<RoleCode, Integer> given) {
        Map<RoleCode, Integer> all = new java.util.HashMap<>();
        for (RoleCode r : RoleCode.values()) {
            all.put(r, 3);
        }
        all.putAll(given);
        return all;
    }

    private boolean is(RecommendedPractice p, String caseNumber, int number) {
        return p.caseNumber().equals(caseNumber) && p.practiceNumber() == number;
    }

    private Practice practice(String caseNumber, int number) {
        return library.caseStudy(caseNumber).orElseThrow().practices().stream().filter(p -> p.number() == number)
                .findFirst().orElseThrow();
    }

    private static FacilityRoleProfile profile(FacilityKind kind, Map<RoleCode, Integer> levels, RoleCode... priorities) {
        return FacilityRoleProfile.of(kind, "千葉県", kind == FacilityKind.HOSPITAL ? 150 : 0, AreaType.METROPOLITAN,
                levels, Set.of(priorities));
    }

    private FacilityRoleProfile randomProfile(Random random, FacilityKind kind) {
        List<RoleCode> roles = new ArrayList<>(List.of(RoleCode.values()));
        Map<RoleCode, Integer> levels = new java.util.HashMap<>();
        Set<RoleCode> priorities = new HashSet<>();
        for (RoleCode r : roles) {
            if (random.nextInt(4) > 0) {
                levels.put(r, random.nextInt(5));
            }
            if (random.nextInt(6) == 0) {
                priorities.add(r);
            }
        }
        return FacilityRoleProfile.of(kind, "千葉県", kind == FacilityKind.HOSPITAL ? 20 + random.nextInt(500) : 0,
                random.nextBoolean() ? AreaType.values()[random.nextInt(3)] : null, levels, priorities);
    }
}
