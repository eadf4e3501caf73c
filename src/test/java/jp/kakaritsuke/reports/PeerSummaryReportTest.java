package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.peers.domain.BedBand;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerComparison.Kind;
import jp.kakaritsuke.peers.domain.PeerComparison.Withheld;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.domain.RoleDistribution;
import jp.kakaritsuke.peers.domain.RoleDistribution.Spread;
import jp.kakaritsuke.peers.service.PeerService;
import jp.kakaritsuke.reports.service.FacilityReportService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The default peer group in the board report's summary, below the roles' table: the numbers as cells, or the reason
 * nothing is shown; the report never fails for want of peers (the statistics themselves are mocked here).
 */
@SpringBootTest
class PeerSummaryReportTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    FacilityReportService reports;

    @MockitoBean
    PeerService peers;

    long roundId;

    static final PeerGroup GROUP = new PeerGroup(FacilityKind.HOSPITAL, BedBand.HOSPITAL_100_199, AreaType.REGIONAL_CITY,
            Region.KANTO, null, Set.of());

    @BeforeEach
    void round() {
        FacilityProfile hospital = fixtures.facility(FacilityKind.HOSPITAL);
        fixtures.member(hospital, MemberRole.EDITOR);
        roundId = fixtures.submitRound(hospital.id(), r -> 2, r -> false);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theSummaryCarriesTheDefaultGroupsComparisonAsNumbers() throws Exception {
        when(peers.defaultGroupInReport(roundId)).thenReturn(new PeerComparison(Kind.DEFAULT, GROUP, 57, null, List.of(
                new RoleDistribution(RoleCode.CLINIC_HOSPITAL, 2, new Spread(57, 1, 2, 3, 48)),
                new RoleDistribution(RoleCode.SCHOOL_HEALTH, 2, null))));
        try (XSSFWorkbook wb = read(Locale.JAPANESE)) {
            Sheet s = wb.getSheet("概要");
            int title = rowStarting(s, "同じような施設との比較");
            assertThat(text(s.getRow(title).getCell(0))).isEqualTo("同じような施設との比較（標準の比較グループ: 病院・100〜199床・地方都市・関東）");
            assertThat(text(s.getRow(title + 1).getCell(0))).contains("57");
            assertThat(cells(s.getRow(title + 2))).containsExactly("役割", "自院のレベル", "中央値", "四分位範囲", "パーセンタイル", "施設数");
            Row first = s.getRow(title + 3);
            assertThat(text(first.getCell(0))).isEqualTo("病診連携");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(text(first.getCell(3))).isEqualTo("1〜3");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(48);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(57);
            assertThat(text(s.getRow(title + 4).getCell(2))).isEqualTo("回答した施設が10未満のため表示しません");
        }
        try (XSSFWorkbook wb = read(Locale.ENGLISH)) {
            Sheet s = wb.getSheet("Summary");
            int title = rowStarting(s, "Compared with similar facilities");
            assertThat(text(s.getRow(title).getCell(0))).endsWith("Hospital / 100–199 beds / Regional city / Kanto)");
        }
    }

    @Test
    void aWithheldComparisonIsASentenceAndARefusalLeavesTheBlockOut() throws Exception {
        when(peers.defaultGroupInReport(roundId)).thenReturn(new PeerComparison(Kind.DEFAULT, GROUP, 0, Withheld.TOO_FEW, List.of()));
        try (XSSFWorkbook wb = read(Locale.JAPANESE)) {
            Sheet s = wb.getSheet("概要");
            int title = rowStarting(s, "同じような施設との比較");
            assertThat(text(s.getRow(title + 1).getCell(0))).startsWith("10施設未満のため表示しません");
            assertThat(s.getLastRowNum()).isEqualTo(title + 1);
        }
        when(peers.defaultGroupInReport(roundId)).thenReturn(new PeerComparison(Kind.DEFAULT, GROUP, 0, Withheld.NO_CONSENT, List.of()));
        try (XSSFWorkbook wb = read(Locale.JAPANESE)) {
            Sheet s = wb.getSheet("概要");
            assertThat(text(s.getRow(rowStarting(s, "同じような施設との比較") + 1).getCell(0)))
                    .isEqualTo("比較は、自院も数に入れることを選んだ施設にだけ表示します。");
        }
        when(peers.defaultGroupInReport(roundId)).thenThrow(new AccessDeniedException("not for this reader"));
        try (XSSFWorkbook wb = read(Locale.JAPANESE)) {
            Sheet s = wb.getSheet("概要");
            assertThat(rowStartingOrMinus(s, "同じような施設との比較")).isEqualTo(-1);
        }
    }

    XSSFWorkbook read(Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(roundId, locale, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static int rowStarting(Sheet s, String prefix) {
        int row = rowStartingOrMinus(s, prefix);
        assertThat(row).as("a row starting with %s", prefix).isNotNegative();
        return row;
    }

    static int rowStartingOrMinus(Sheet s, String prefix) {
        for (Row r : s) {
            if (r.getCell(0) != null && text(r.getCell(0)).startsWith(prefix)) {
                return r.getRowNum();
            }
        }
        return -1;
    }

    static String text(Cell c) {
        return c == null ? "" : c.getCellType() == CellType.STRING ? c.getStringCellValue() : String.valueOf(c.getNumericCellValue());
    }

    static List<String> cells(Row r) {
        List<String> out = new ArrayList<>();
        r.forEach(c -> out.add(text(c)));
        return out;
    }
}
