package jp.kakaritsuke.associations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.MemberImportService;
import jp.kakaritsuke.associations.service.MemberImportService.Mode;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.associations.service.XlsxRows;
import jp.kakaritsuke.associations.bench.ImportFiles;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Member import from CSV and .xlsx: every bad row reported by line, all-or-nothing or valid-only, never half done. */
@SpringBootTest
class MemberImportTest {

    @Autowired
    FacilityService facilities;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    MemberImportService imports;

    @Autowired
    RollupService rollups;

    @Autowired
    InvitationService invitations;

    @Autowired
    JdbcClient jdbc;

    long city;
    long sibling;
    String staff;

    @BeforeEach
    void setUp() {
        Fixtures.asAdmin();
        long pref = admin.create("大阪府医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "大阪府", null);
        city = admin.create("堺市医師会", AssociationLevel.MUNICIPAL, "大阪府", pref);
        sibling = admin.create("豊中市医師会", AssociationLevel.MUNICIPAL, "大阪府", pref);
        staff = fixtures.associationAdmin(city);
        Fixtures.as(staff);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    static final String GOOD = """
            施設名,種別,市区町村,病床数,連絡先
            堺東クリニック,診療所,堺市堺区,,山田 太郎
            "中百舌鳥病院, 本院",病院,堺市北区,120,佐藤 花子
            泉北こどもクリニック,診療所,堺市南区,0,
            """;

    @Test
    void aCleanUtf8FileImportsEveryRowWithInvitations() {
        var preview = imports.preview(city, "members.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.encoding()).isEqualTo("UTF-8");
        assertThat(preview.rows()).hasSize(3).allMatch(MemberImportService.RowResult::valid);
        assertThat(preview.rows().get(1).name()).isEqualTo("中百舌鳥病院, 本院");
        var result = imports.importMembers(city, "members.csv", GOOD.getBytes(StandardCharsets.UTF_8), Mode.ALL_OR_NOTHING);
        assertThat(result.imported()).isEqualTo(3);
        assertThat(result.invitations()).hasSize(2);
        assertThat(rollups.rollup(city).members()).isEqualTo(3);
        // the invitation works: the first editor of the imported clinic
        Fixtures.anonymous();
        invitations.accept(result.invitations().getFirst().code(), "sakai.higashi." + System.nanoTime() % 100000, "山田 太郎", Fixtures.mail("sakai.higashi." + System.nanoTime() % 100000), Fixtures.PASSWORD);
        // importing the same file again finds every row already a member
        Fixtures.as(staff);
        assertThat(imports.preview(city, "members.csv", GOOD.getBytes(StandardCharsets.UTF_8)).rows())
                .allMatch(r -> r.errors().contains("import.error.alreadyMember"));
    }

    @Test
    void shiftJisCsvFromExcelIsAccepted() {
        byte[] sjis = GOOD.replace("\n", "\r\n").getBytes(Charset.forName("windows-31j"));
        var preview = imports.preview(city, "members.csv", sjis);
        assertThat(preview.encoding()).isEqualTo("Shift_JIS");
        assertThat(preview.rows()).extracting(MemberImportService.RowResult::name)
                .containsExactly("堺東クリニック", "中百舌鳥病院, 本院", "泉北こどもクリニック");
    }

    @Test
    void badRowsAreReportedByLineAndAllOrNothingImportsNothing() {
        String bad = """
                施設名,種別,市区町村,病床数
                堺東クリニック,診療所,堺市堺区,
                ,診療所,堺市北区,
                ,,,

                =HYPERLINK("http://x"),診療所,堺市中区,
                堺東クリニック,診療所,堺市堺区,
                大病院,薬局,堺市西区,abc
                ベッドの多い診療所,診療所,堺市東区,25
                """;
        var preview = imports.preview(city, "bad.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.emptyRows()).isEqualTo(2);
        assertThat(preview.rows()).extracting(MemberImportService.RowResult::line).containsExactly(2, 3, 6, 7, 8, 9);
        assertThat(preview.rows().get(0).errors()).isEmpty();
        assertThat(preview.rows().get(1).errors()).containsExactly("import.error.name");
        assertThat(preview.rows().get(2).errors()).containsExactly("import.error.formula");
        assertThat(preview.rows().get(3).errors()).containsExactly("import.error.duplicateInFile");
        assertThat(preview.rows().get(4).errors()).containsExactly("import.error.type", "import.error.beds");
        assertThat(preview.rows().get(5).errors()).containsExactly("facility.error.clinicBeds");

        assertThatThrownBy(() -> imports.importMembers(city, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), Mode.ALL_OR_NOTHING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("import.error.rowsInvalid"));
        assertThat(rollups.rollup(city).members()).isZero();

        var result = imports.importMembers(city, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), Mode.VALID_ONLY);
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(5);
        assertThat(rollups.rollup(city).members()).isEqualTo(1);
    }

    @Test
    void wrongColumnsUnreadableFilesAndFormulaCellsInExcel() throws Exception {
        var wrong = imports.preview(city, "x.csv", "名前,タイプ\nA,診療所\n".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.fileErrors()).containsExactly("import.error.missingColumn.name", "import.error.missingColumn.type",
                "import.error.missingColumn.municipality");
        assertThat(imports.preview(city, "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)).fileErrors())
                .containsExactly("import.error.unreadable");
        assertThat(imports.preview(city, "x.pdf", new byte[] {1}).fileErrors()).containsExactly("import.error.fileType");
        assertThat(imports.preview(city, "x.csv", new byte[0]).fileErrors()).containsExactly("import.error.empty");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("会員");
            var h = sheet.createRow(0);
            h.createCell(0).setCellValue("施設名");
            h.createCell(1).setCellValue("種別");
            h.createCell(2).setCellValue("市区町村");
            h.createCell(3).setCellValue("病床数");
            var ok = sheet.createRow(1);
            ok.createCell(0).setCellValue("堺の森病院");
            ok.createCell(1).setCellValue("病院");
            ok.createCell(2).setCellValue("堺市美原区");
            ok.createCell(3).setCellValue(80);
            var formula = sheet.createRow(2);
            formula.createCell(0).setCellFormula("CONCATENATE(\"a\",\"b\")");
            formula.createCell(1).setCellValue("診療所");
            formula.createCell(2).setCellValue("堺市堺区");
            wb.write(out);
        }
        var xlsx = imports.preview(city, "members.xlsx", out.toByteArray());
        assertThat(xlsx.encoding()).isEqualTo("xlsx");
        assertThat(xlsx.rows()).hasSize(2);
        assertThat(xlsx.rows().get(0).errors()).isEmpty();
        assertThat(xlsx.rows().get(0).beds()).isEqualTo("80");
        assertThat(xlsx.rows().get(1).errors()).containsExactly("import.error.formula");
    }

    static byte[] oneCellPerRow(int rows, int column) throws Exception {
        return ImportFiles.oneCellPerRow(rows, column);
    }

    /**
     * The security test's file: a header, then 100,000 rows with one cell each at column XFD (about 0.5 MB). The old
     * reader built every empty cell up to XFD (6 GB and four minutes); now reading stops at the first cell past
     * column 100, in the first data row.
     */
    @Test
    void theHostileXfdWorkbookIsRefusedAtItsFirstCell() throws Exception {
        byte[] hostile = oneCellPerRow(100_000, 16_383);
        assertThat(hostile.length).isBetween(200_000, 2_000_000);
        var limit = org.assertj.core.api.Assertions.catchThrowableOfType(XlsxRows.LimitException.class,
                () -> XlsxRows.read(hostile, MemberImportService.MAX_ROWS + 1, MemberImportService.MAX_COLUMNS));
        assertThat(limit.kind).isEqualTo(XlsxRows.LimitException.Kind.COLUMNS);
        assertThat(limit.rowsSeen).isEqualTo(2); // the header and the first data row, where XFD1 stops it
        var preview = imports.preview(city, "members.xlsx", hostile);
        assertThat(preview.fileErrors()).containsExactly("import.error.tooManyColumns");
        assertThat(preview.rows()).isEmpty();
    }

    /** 100,000 rows in column A: the reader stops at the row limit, never holding more than header + 10,000 rows. */
    @Test
    void aWorkbookWithTooManyRowsIsReadOnlyUpToTheLimit() throws Exception {
        byte[] tall = oneCellPerRow(100_000, 0);
        var limit = org.assertj.core.api.Assertions.catchThrowableOfType(XlsxRows.LimitException.class,
                () -> XlsxRows.read(tall, MemberImportService.MAX_ROWS + 1, MemberImportService.MAX_COLUMNS));
        assertThat(limit.kind).isEqualTo(XlsxRows.LimitException.Kind.ROWS);
        assertThat(limit.rowsSeen).isEqualTo(MemberImportService.MAX_ROWS + 1);
        assertThat(imports.preview(city, "members.xlsx", tall).fileErrors()).containsExactly("import.error.tooManyRows");
        // exactly at the limit is fine, and sparse rows keep their line numbers
        var sheet = XlsxRows.read(oneCellPerRow(MemberImportService.MAX_ROWS, 0), MemberImportService.MAX_ROWS + 1,
                MemberImportService.MAX_COLUMNS);
        assertThat(sheet.rows()).hasSize(MemberImportService.MAX_ROWS + 1);
        // a legitimate 10,000-member list reads in full
        var members = imports.preview(city, "members.xlsx", ImportFiles.members(MemberImportService.MAX_ROWS));
        assertThat(members.fileErrors()).isEmpty();
        assertThat(members.rows()).hasSize(MemberImportService.MAX_ROWS).allMatch(MemberImportService.RowResult::valid);
        assertThat(members.rows().getLast().line()).isEqualTo(MemberImportService.MAX_ROWS + 1);
    }

    /** An entity-expansion bomb in the sheet XML is refused by the parser (no DOCTYPE), not expanded. */
    @Test
    void xmlEntityTricksInAWorkbookAreRefused() throws Exception {
        byte[] plain = oneCellPerRow(1, 0);
        String bomb = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>施設名&lol3;</t></is></c></row></sheetData></worksheet>""";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var file = java.nio.file.Files.createTempFile("plain", ".xlsx");
        java.nio.file.Files.write(file, plain);
        try (var in = new java.util.zip.ZipFile(file.toFile()); var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(e.getName().equals("xl/worksheets/sheet1.xml") ? bomb.getBytes(StandardCharsets.UTF_8)
                        : in.getInputStream(e).readAllBytes());
                zip.closeEntry();
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThatThrownBy(() -> XlsxRows.read(out.toByteArray(), 10, 10)).isInstanceOf(java.io.IOException.class)
                .isNotInstanceOf(XlsxRows.LimitException.class);
        assertThat(imports.preview(city, "members.xlsx", out.toByteArray()).fileErrors()).containsExactly("import.error.unreadable");
    }

    /** The security test's payloads: '-' starts a formula too; NUL and right-to-left override are refused in every field. */
    @Test
    void minusFormulasAndInvisibleCharactersAreRefusedPerRow() {
        String csv = """
                施設名,種別,市区町村,病床数,連絡先
                安全クリニック,診療所,堺市堺区,,山田 太郎
                "-2+3+cmd|' /C calc'!A0",診療所,堺市北区,,
                連絡の罠クリニック,診療所,堺市中区,,"-HYPERLINK(""http://evil.example"",""連絡"")"
                全角クリニック,診療所,＝1+1,,
                逆向き\u202Eクリニック,診療所,堺市西区,,
                ヌル診療所,診療所,堺市\u0000東区,,
                """;
        var preview = imports.preview(city, "members.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.rows()).extracting(r -> String.join(",", r.errors())).containsExactly("",
                "import.error.formula", "import.error.formula", "import.error.formula", "import.error.invisible",
                "import.error.invisible");
        var result = imports.importMembers(city, "members.csv", csv.getBytes(StandardCharsets.UTF_8), Mode.VALID_ONLY);
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.invitations()).extracting(MemberImportService.Invited::contact).containsExactly("山田 太郎");
    }

    @Test
    void csvFilesAreBoundedInRowsColumnsAndLineLength() {
        String header = "施設名,種別,市区町村\n";
        assertThat(imports.preview(city, "m.csv", (header + "a,診療所,堺市\n".repeat(MemberImportService.MAX_ROWS + 1))
                .getBytes(StandardCharsets.UTF_8)).fileErrors()).containsExactly("import.error.tooManyRows");
        assertThat(imports.preview(city, "m.csv", (header + "\n".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8))
                .fileErrors()).containsExactly("import.error.tooManyRows");
        assertThat(imports.preview(city, "m.csv", (header + ",".repeat(MemberImportService.MAX_COLUMNS))
                .getBytes(StandardCharsets.UTF_8)).fileErrors()).containsExactly("import.error.tooManyColumns");
        assertThat(imports.preview(city, "m.csv", (header + "\"" + "x".repeat(MemberImportService.MAX_LINE_CHARS) + "\"")
                .getBytes(StandardCharsets.UTF_8)).fileErrors()).containsExactly("import.error.lineTooLong");
    }

    @Test
    void anAssociationImportsOnlyIntoWhatItMaySee() {
        assertThatThrownBy(() -> imports.preview(sibling, "members.csv", GOOD.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThatThrownBy(() -> imports.importMembers(sibling, "members.csv", GOOD.getBytes(StandardCharsets.UTF_8), Mode.VALID_ONLY))
                .isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
    }

    /**
     * The demo's sample file (docs/samples, README): a member list for 柏市医師会 (デモ) with deliberately broken rows.
     * Kept honest here: each broken row fails for the reason the README promises, the rest imports.
     */
    @Test
    void theDemoSampleFileReportsItsBrokenRowsAndImportsTheRest() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/samples/kashiwa-members.csv"));
        Fixtures.asAdmin();
        FacilityProfile existing = fixtures.facility(FacilityKind.CLINIC);
        // through the service: associations keep their own copy of name and municipality (issue 14, member_state)
        FacilityProfile renamed = facilities.updateProfile(rename(existing, "北柏内科 (デモ)", "柏市"));
        admin.addFacility(city, existing.id());
        Fixtures.as(staff);
        try {
            importTheSample(sample);
        } finally {
            // the demo's own test counts the "(デモ)" names in the same database
            Fixtures.asAdmin();
            facilities.updateProfile(rename(renamed, existing.name(), renamed.municipality()));
        }
    }

    static FacilityProfile rename(FacilityProfile f, String name, String municipality) {
        return new FacilityProfile(f.id(), f.version(), name, f.type(), f.prefecture(), municipality, f.areaType(),
                f.bedsGeneral(), f.bedsLongTerm(), f.bedsOther(), f.doctorsFullTime(), f.doctorsPartTime(), f.designations());
    }

    private void importTheSample(byte[] sample) {
        var preview = imports.preview(city, "kashiwa-members.csv", sample);
        assertThat(preview.emptyRows()).isEqualTo(1);
        assertThat(preview.rows()).extracting(r -> r.line() + " " + String.join(",", r.errors())).containsExactly(
                "2 ", "3 ", "4 ", "5 import.error.formula", "6 import.error.alreadyMember", "7 facility.error.clinicBeds",
                "8 import.error.name", "10 ");
        var result = imports.importMembers(city, "kashiwa-members.csv", sample, Mode.VALID_ONLY);
        assertThat(result.imported()).isEqualTo(4);
        assertThat(result.skipped()).isEqualTo(4);
        assertThat(result.invitations()).extracting(MemberImportService.Invited::contact)
                .containsExactly("田中 一郎", "佐藤 花子", "鈴木 次郎");
        // クリニック and 医院 are clinics
        assertThat(jdbc.sql("""
                SELECT f.facility_type FROM facility f JOIN association_facility af ON af.facility_id = f.id
                WHERE af.association_id = ? AND f.name IN ('豊四季こどもクリニック', '柏の葉キャンパス医院')""")
                .param(city).query(String.class).list()).containsOnly("CLINIC").hasSize(2);
    }
}
