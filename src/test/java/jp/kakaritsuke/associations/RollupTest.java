package jp.kakaritsuke.associations;

import jp.kakaritsuke.caselibrary.domain.RoleCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hierarchy, authorisation, consent and suppression of association rollups, on H2 and MariaDB:
 * 千葉県医師会 (P) above 柏市医師会 (A, four members) and 松戸市医師会 (B, one member), and 愛知県医師会 (Q) beside them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RollupTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    RollupService rollups;

    @Autowired
    RoundService rounds;
    @Autowired
    RoleProfileService profiles;

    @Autowired
    FacilityService facilities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    long p;
    long a;
    long b;
    long q;
    FacilityProfile[] kashiwa = new FacilityProfile[4];
    FacilityProfile matsudo;
    String adminOfA;
    String adminOfP;

    @BeforeEach
    void setUp() {
        Fixtures.asAdmin();
        p = admin.create("千葉県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        a = admin.create("柏市医師会", AssociationLevel.MUNICIPAL, "千葉県", p);
        b = admin.create("松戸市医師会", AssociationLevel.MUNICIPAL, "千葉県", p);
        q = admin.create("愛知県医師会", AssociationLevel.PREFECTURAL, "愛知県", null);
        // levels of HOME_CARE: 4, 3, 3, 0 -> covered by 3; OUT_OF_HOURS: 0 everywhere -> a gap
        int[] homeCare = {4, 3, 3, 0};
        for (int i = 0; i < 4; i++) {
            kashiwa[i] = fixtures.facility(FacilityKind.CLINIC);
            fixtures.member(kashiwa[i], MemberRole.EDITOR);
            if (i < 2) {
                facilities.setConsent(kashiwa[i].id(), true);
            }
            submit(kashiwa[i], homeCare[i], i == 0);
            Fixtures.asAdmin();
            admin.addFacility(a, kashiwa[i].id());
        }
        matsudo = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(matsudo, MemberRole.EDITOR);
        facilities.setConsent(matsudo.id(), true);
        submit(matsudo, 2, false);
        Fixtures.asAdmin();
        admin.addFacility(b, matsudo.id());

        adminOfA = fixtures.associationAdmin(a);
        adminOfP = fixtures.associationAdmin(p);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    void submit(FacilityProfile f, int homeCare, boolean priority) {
        fixtures.submitRound(f.id(), role -> role == RoleCode.HOME_CARE ? homeCare : role == RoleCode.OUT_OF_HOURS ? 0 : 2,
                role -> priority && role == RoleCode.HOME_CARE);
    }

    @Test
    void anAssociationSeesItselfAndItsSubtreeNeverASiblingOrItsParent() {
        Fixtures.as(adminOfA);
        assertThat(rollups.visibleAssociations()).extracting(x -> x.id()).containsExactly(a);
        assertThat(rollups.rollup(a).members()).isEqualTo(4);
        assertThatThrownBy(() -> rollups.rollup(b)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThatThrownBy(() -> rollups.rollup(p)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThatThrownBy(() -> rollups.rollup(q)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);

        Fixtures.as(adminOfP);
        assertThat(rollups.visibleAssociations()).extracting(x -> x.id()).containsExactlyInAnyOrder(p, a, b);
        Rollup prefecture = rollups.rollup(p);
        assertThat(prefecture.members()).isEqualTo(5);
        assertThat(prefecture.completeness().submitted()).isEqualTo(new Cell(5, false));
        assertThatThrownBy(() -> rollups.rollup(q)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
    }

    @Test
    void cellsFromFewerThanThreeFacilitiesAreSuppressedAndGapsShow() {
        Fixtures.as(adminOfA);
        Rollup r = rollups.rollup(a);
        Rollup.RoleRollup homeCare = r.roles().stream().filter(x -> x.roleCode() == RoleCode.HOME_CARE).findFirst().orElseThrow();
        // level 0: 1 facility, level 3: 2, level 4: 1 -> all suppressed; levels 1 and 2: 0 -> shown. 「レベル3以上」 = 3
        // of 4 would give away the one member below level 3 (issue 10), so it is hidden too
        assertThat(homeCare.levels()).extracting(Cell::display).containsExactly("x", "0", "0", "x", "x");
        assertThat(homeCare.atLeastThree()).isEqualTo(Cell.hidden());
        assertThat(homeCare.priority().suppressed()).isTrue();
        Rollup.RoleRollup care = r.roles().stream().filter(x -> x.roleCode() == RoleCode.CARE_WELFARE).findFirst().orElseThrow();
        assertThat(care.levels().get(2)).isEqualTo(new Cell(4, false));

        assertThat(r.municipalities()).hasSize(1);
        Rollup.MunicipalityRollup kashiwaCity = r.municipalities().getFirst();
        assertThat(kashiwaCity.municipality()).isEqualTo("柏市");
        // 3 of the municipality's 4 would give away the one below level 3 (issue 10)
        assertThat(kashiwaCity.coverage().get(RoleCode.HOME_CARE)).isEqualTo(Cell.hidden());
        assertThat(kashiwaCity.gaps()).contains(RoleCode.OUT_OF_HOURS).doesNotContain(RoleCode.HOME_CARE);

        // 松戸 has a single member: everything about its results is suppressed, even for the prefecture
        Fixtures.as(adminOfP);
        Rollup single = rollups.rollup(b);
        assertThat(single.roles()).allSatisfy(x -> assertThat(x.levels()).allMatch(Cell::suppressed));
        assertThat(single.completeness().submitted().suppressed()).isTrue();
        assertThat(rollups.rollup(p).municipalities()).extracting(Rollup.MunicipalityRollup::municipality)
                .containsExactly("柏市");
    }

    @Test
    void changeSinceThePreviousRoundCountsMembersWhoRoseOrFell() {
        Fixtures.as(adminOfA);
        Rollup.RoleRollup before = homeCare(rollups.rollup(a));
        assertThat(before.improved()).as("nobody has two submissions yet").isEqualTo(new Cell(null, true));
        // three members submit again: two raise 在宅医療, one lowers it
        int[] again = {4, 4, 1};
        for (int i = 0; i < 3; i++) {
            fixtures.member(kashiwa[i], MemberRole.EDITOR);
            submit(kashiwa[i], again[i], false);
        }
        Fixtures.as(adminOfA);
        Rollup.RoleRollup after = homeCare(rollups.rollup(a));
        // kashiwa[0]: 4 -> 4 (same), kashiwa[1]: 3 -> 4 (up), kashiwa[2]: 3 -> 1 (down); 3 compared, so cells of 1 are suppressed
        assertThat(after.improved()).isEqualTo(new Cell(null, true));
        assertThat(after.declined()).isEqualTo(new Cell(null, true));
        Rollup.RoleRollup outOfHours = rollups.rollup(a).roles().stream().filter(x -> x.roleCode() == RoleCode.OUT_OF_HOURS).findFirst().orElseThrow();
        assertThat(outOfHours.improved()).isEqualTo(new Cell(0, false));
        assertThat(outOfHours.declined()).isEqualTo(new Cell(0, false));
        // a fourth makes 在宅医療 rise for two more: 3 risen of 4 compared, shown
        fixtures.member(kashiwa[3], MemberRole.EDITOR);
        submit(kashiwa[3], 2, false);
        fixtures.member(kashiwa[2], MemberRole.EDITOR);
        submit(kashiwa[2], 4, false);
        Fixtures.as(adminOfA);
        assertThat(homeCare(rollups.rollup(a)).improved()).isEqualTo(new Cell(3, false));
        // priorities over time: kashiwa[0] dropped 在宅医療 as a priority in its second round (1 of 4: suppressed)
        Rollup.RoleRollup dropped = homeCare(rollups.rollup(a));
        assertThat(dropped.priorityDropped()).isEqualTo(new Cell(null, true));
        assertThat(dropped.newlyPrioritised()).isEqualTo(new Cell(0, false));
        // the other three now make it a priority: 3 newly of 4 compared, shown
        for (int i = 1; i < 4; i++) {
            fixtures.member(kashiwa[i], MemberRole.EDITOR);
            submit(kashiwa[i], 4, true);
        }
        Fixtures.as(adminOfA);
        Rollup.RoleRollup prioritised = homeCare(rollups.rollup(a));
        assertThat(prioritised.newlyPrioritised()).isEqualTo(new Cell(3, false));
        // 3 of 4 prioritise: that would give away the one who does not (issue 10)
        assertThat(prioritised.priority()).isEqualTo(Cell.hidden());
    }

    static Rollup.RoleRollup homeCare(Rollup r) {
        return r.roles().stream().filter(x -> x.roleCode() == RoleCode.HOME_CARE).findFirst().orElseThrow();
    }

    @Test
    void onlyConsentingMembersAreIdentifiedAndCanBeOpened() {
        Fixtures.as(adminOfA);
        Rollup r = rollups.rollup(a);
        assertThat(r.identifiedMembers()).extracting(Rollup.MemberRow::facilityId)
                .containsExactlyInAnyOrder(kashiwa[0].id(), kashiwa[1].id());
        assertThat(r.identifiedMembers()).allSatisfy(m -> assertThat(m.levels()).hasSize(14));
        long consenting = rounds.rounds(kashiwa[0].id()).getFirst().id();
        assertThat(profiles.profile(consenting).scores()).hasSize(14);
        assertThatThrownBy(() -> rounds.rounds(kashiwa[2].id())).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        // drill-down is read-only
        assertThatThrownBy(() -> rounds.startRound(kashiwa[0].id())).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        // withdrawn consent is honoured at once
        fixtures.member(kashiwa[0], MemberRole.EDITOR);
        facilities.setConsent(kashiwa[0].id(), false);
        Fixtures.as(adminOfA);
        assertThatThrownBy(() -> rounds.rounds(kashiwa[0].id())).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThat(rollups.rollup(a).identifiedMembers()).extracting(Rollup.MemberRow::facilityId).containsExactly(kashiwa[1].id());
    }

    @Test
    void theHierarchyIsValidatedAndMembershipIsNotDuplicated() {
        Fixtures.asAdmin();
        assertThatThrownBy(() -> admin.create("x", AssociationLevel.MUNICIPAL, "愛知県", p)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> admin.create("x", AssociationLevel.PREFECTURAL, "千葉県", p)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> admin.addFacility(a, kashiwa[0].id())).isInstanceOf(InvalidInputException.class);
        Fixtures.as(adminOfA);
        // association staff never add an existing facility by id (issue 13: members are registered by the import)
        assertThatThrownBy(() -> admin.addFacility(b, kashiwa[0].id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> admin.create("x", AssociationLevel.PREFECTURAL, "千葉県", null)).isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    jp.kakaritsuke.reports.service.RollupReportService rollupReports;

    @Test
    void theRollupWorkbookHasAChartPerRoleAndMunicipalitySheetsAndOnlyConsentingMembers() throws Exception {
        Fixtures.as(adminOfA);
        var out = new java.io.ByteArrayOutputStream();
        rollupReports.write(a, java.util.Locale.JAPANESE, out);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertThat(java.util.List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("概要", "役割別", "市区町村別", "会員 (同意済み)");
            var charts = wb.getSheet("概要").getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            var bars = charts.getFirst().getChartSeries().getFirst();
            assertThat(bars).isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFBarChartData.class);
            assertThat(bars.getSeriesCount()).isEqualTo(5);
            assertThat(bars.getSeries(0).getCategoryData().getPointCount()).isEqualTo(14);
            var roles = wb.getSheet("役割別");
            var homeCare = roles.getRow(9); // header + 8 roles before 在宅医療
            assertThat(homeCare.getCell(0).getStringCellValue()).isEqualTo("在宅医療");
            assertThat(homeCare.getCell(1).getStringCellValue()).isEqualTo("x");
            assertThat(homeCare.getCell(2).getNumericCellValue()).isZero();
            assertThat(homeCare.getCell(6).getStringCellValue()).isEqualTo("x"); // 3 of 4 at level 3 or more: hidden
            var members = wb.getSheet("会員 (同意済み)");
            assertThat(members.getLastRowNum()).isEqualTo(2);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int r = 1; r <= 2; r++) {
                names.add(members.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(names).containsExactlyInAnyOrder(kashiwa[0].name(), kashiwa[1].name());
            assertThat(wb.getSheet("市区町村別").getRow(1).getCell(0).getStringCellValue()).isEqualTo("柏市");
        }
        Fixtures.as(adminOfA);
        assertThatThrownBy(() -> rollupReports.write(b, java.util.Locale.JAPANESE, new java.io.ByteArrayOutputStream()))
                .isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
    }

    /** Issue 14: the members' levels are RoleLevels inside, and still a map by role code in JSON. */
    @Test
    void aConsentingMembersLevelsAreAMapByRoleCodeInJson() throws Exception {
        Fixtures.anonymous();
        mvc.perform(get("/api/v1/associations/{id}/rollup", a).with(fixtures.bearer(adminOfA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.identifiedMembers[*].levels.HOME_CARE", Matchers.containsInAnyOrder(4, 3)))
                .andExpect(jsonPath("$.identifiedMembers[0].levels.OUT_OF_HOURS", Matchers.is(0)))
                .andExpect(jsonPath("$.identifiedMembers[0].levels.CLINIC_CLINIC", Matchers.is(2)))
                .andExpect(jsonPath("$.identifiedMembers[0].levels.length()", Matchers.is(14)))
                .andExpect(jsonPath("$.identifiedMembers[0].profile").doesNotExist())
                .andExpect(jsonPath("$.municipalities[0].coverage.HOME_CARE", Matchers.is("x")))
                .andExpect(jsonPath("$.municipalities[0].gaps", Matchers.hasItem("OUT_OF_HOURS")));
    }

    @Test
    void theApiGivesTheSameFiguresWithSuppressionAsText() throws Exception {
        Fixtures.anonymous();
        mvc.perform(get("/api/v1/associations").with(fixtures.bearer(adminOfA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", Matchers.contains((int) a)));
        mvc.perform(get("/api/v1/associations/{id}/rollup", a).with(fixtures.bearer(adminOfA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members", Matchers.is(4)))
                .andExpect(jsonPath("$.roles[8].roleCode", Matchers.is("HOME_CARE")))
                .andExpect(jsonPath("$.roles[8].levels", Matchers.contains("x", 0, 0, "x", "x")))
                .andExpect(jsonPath("$.roles[8].atLeastThree", Matchers.is("x")))
                .andExpect(jsonPath("$.roles[8].improved", Matchers.is("x")))
                .andExpect(jsonPath("$.roles[8].newlyPrioritised", Matchers.is("x")))
                .andExpect(jsonPath("$.identifiedMembers", Matchers.hasSize(2)));
        mvc.perform(get("/api/v1/associations/{id}/rollup", b).with(fixtures.bearer(adminOfA)))
                .andExpect(status().isNotFound());
        var started = mvc.perform(get("/api/v1/associations/{id}/rollup.xlsx", a).with(fixtures.bearer(adminOfA)))
                .andReturn();
        byte[] xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).as("with 「機能報告の準備状況」 (issue 12)").isEqualTo(5);
            var roleHeader = wb.getSheetAt(1).getRow(0);
            assertThat(roleHeader.getCell(10).getStringCellValue()).isEqualTo("新たに優先した施設");
            assertThat(roleHeader.getCell(11).getStringCellValue()).isEqualTo("優先から外した施設");
        }
        mvc.perform(get("/api/v1/associations/{id}/rollup.xlsx", b).with(fixtures.bearer(adminOfA)))
                .andExpect(status().isNotFound());
    }
}
