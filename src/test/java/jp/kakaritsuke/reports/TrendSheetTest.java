package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundSummary;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Japan;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.reports.service.FacilityReportService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The 「推移」 sheet of the board report (issue 15): a row per submitted round, oldest first, the submission day as a
 * date cell, the version, then a level and a score column per role; in English too.
 */
@SpringBootTest
class TrendSheetTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    FacilityReportService reports;
    @Autowired
    RoundService rounds;
    @Autowired
    RoleProfileService profiles;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void aRowPerSubmittedRoundWithLevelAndScorePerRole() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long first = fixtures.submitRound(clinic.id(), role -> 1, role -> false);
        long second = fixtures.submitRound(clinic.id(), role -> role == RoleCode.HOME_CARE ? 3 : 2, role -> false);
        rounds.startRound(clinic.id()); // a draft is not in it
        RoundSummary firstRound = rounds.round(first).summary();
        var trend = profiles.trend(second);
        Fixtures.as(fixtures.member(clinic, MemberRole.VIEWER));

        try (XSSFWorkbook wb = read(second, Locale.JAPANESE)) {
            Sheet s = wb.getSheet("推移");
            assertThat(s).isNotNull();
            assertThat(wb.getSheetIndex(s)).isEqualTo(wb.getSheetIndex("回答") + 1);
            assertThat(FacilityReportTest.text(s, 0, 0)).isEqualTo("役割ごとのレベルとスコアの推移");
            List<String> header = cells(s.getRow(1));
            assertThat(header).hasSize(2 + 2 * 14);
            assertThat(header.subList(0, 4)).containsExactly("提出日", "質問票の版", "診診連携 レベル", "診診連携 スコア");
            assertThat(header).contains("在宅医療 レベル", "在宅医療 スコア");
            assertThat(s.getLastRowNum()).as("two submitted rounds").isEqualTo(3);

            Cell day = s.getRow(2).getCell(0);
            assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
            assertThat(day.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.ofInstant(firstRound.submittedAt(), Japan.ZONE));
            assertThat(s.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(firstRound.questionnaireVersion());
            int homeLevel = header.indexOf("在宅医療 レベル");
            assertThat(s.getRow(2).getCell(homeLevel).getNumericCellValue()).isEqualTo(1);
            assertThat(s.getRow(3).getCell(homeLevel).getNumericCellValue()).isEqualTo(3);
            assertThat(s.getRow(3).getCell(homeLevel + 1).getNumericCellValue())
                    .isEqualTo(trend.rounds().getLast().scores().get(RoleCode.HOME_CARE).doubleValue());
            assertThat(s.getRow(3).getCell(homeLevel + 1).getNumericCellValue())
                    .isGreaterThan(s.getRow(2).getCell(homeLevel + 1).getNumericCellValue());
        }
        try (XSSFWorkbook wb = read(second, Locale.ENGLISH)) {
            Sheet s = wb.getSheet("Trend");
            assertThat(s).isNotNull();
            List<String> header = cells(s.getRow(1));
            assertThat(header.get(2)).endsWith(" level");
            assertThat(header.get(3)).endsWith(" score");
            assertThat(header).contains("Submitted", "Questionnaire version")
                    .noneMatch(c -> c.matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*"));
        }
    }

    private XSSFWorkbook read(long roundId, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(roundId, locale, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> cells(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }
}
