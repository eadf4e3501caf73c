package jp.kakaritsuke.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.actionplan.service.ActionInput;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.reports.service.FacilityReportService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The 「行動計画」 sheet of the board report: its rows, the due date as a date, English, and none for the association. */
@SpringBootTest
class ActionPlanReportTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionPlanService plans;

    @Autowired
    FacilityReportService reports;

    @Autowired
    FacilityService facilities;

    @Autowired
    AssociationAdminService associations;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theBoardReportCarriesThePlanForThePeopleOfTheFacilityOnly() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        long round = fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        plans.add(clinic.id(), new ActionInput(RoleCode.HOME_CARE, new SourceReference("17", 1), round, "訪問診療の枠を増やす", "院長",
                LocalDate.of(2027, 3, 31), null));
        ActionItem second = plans.add(clinic.id(), new ActionInput(RoleCode.END_OF_LIFE, null, null, "看取りの説明書を作る", null, null, null));
        plans.setStatus(second.getId(), second.getVersion(), ActionStatus.DONE);
        Fixtures.asAdmin();
        long association = associations.create("行動計画帳票 医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        associations.addFacility(association, clinic.id());
        String staff = fixtures.associationAdmin(association);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);

        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(round, Locale.JAPANESE)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(6); // with 「推移」 before it (issue 15)
            Sheet s = wb.getSheet("行動計画");
            assertThat(s).isNotNull();
            assertThat(wb.getSheetIndex(s)).isEqualTo(5);
            assertThat(cells(s.getRow(1))).containsExactly("何をするか", "役割", "取組の出典", "担当", "期日", "状況");
            Row first = s.getRow(2);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("訪問診療の枠を増やす");
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("在宅医療");
            assertThat(first.getCell(2).getStringCellValue()).contains("17", "①");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("院長");
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(4))).isTrue();
            assertThat(first.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("予定");
            Row second_ = s.getRow(3);
            assertThat(second_.getCell(0).getStringCellValue()).isEqualTo("看取りの説明書を作る");
            assertThat(second_.getCell(4)).isNull();
            assertThat(second_.getCell(5).getStringCellValue()).isEqualTo("完了");
        }
        try (XSSFWorkbook wb = read(round, Locale.ENGLISH)) {
            Sheet s = wb.getSheet("Action plan");
            assertThat(s).isNotNull();
            assertThat(cells(s.getRow(1))).containsExactly("What", "Role", "Practice source", "Who", "Due date", "Status");
            assertThat(s.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Planned");
            assertThat(s.getRow(3).getCell(5).getStringCellValue()).isEqualTo("Done");
        }

        // the consenting association reads the result, never the plan
        Fixtures.as(staff);
        try (XSSFWorkbook wb = read(round, Locale.JAPANESE)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            assertThat(wb.getSheet("行動計画")).isNull();
        }
    }

    private XSSFWorkbook read(long round, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(round, locale, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static java.util.List<String> cells(Row row) {
        java.util.List<String> values = new java.util.ArrayList<>();
        row.forEach(c -> values.add(c.getStringCellValue()));
        return values;
    }
}
