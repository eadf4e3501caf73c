package jp.kakaritsuke.associations.ui;

import jp.kakaritsuke.caselibrary.domain.RoleCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rollup screen on real data: chart, tables, gaps, consenting members only, a click opens the member's profile. */
@SpringBootTest
class AssociationRollupViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    FacilityService facilities;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void showsTheRollupAndOpensAConsentingMember() {
        Fixtures.asAdmin();
        long pref = admin.create("福岡県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "福岡県", null);
        long city = admin.create("福岡市医師会", AssociationLevel.MUNICIPAL, "福岡県", pref);
        FacilityProfile first = null;
        for (int i = 0; i < 3; i++) {
            FacilityProfile f = fixtures.facility(FacilityKind.CLINIC);
            fixtures.member(f, MemberRole.EDITOR);
            if (i == 0) {
                facilities.setConsent(f.id(), true);
                first = f;
            }
            fixtures.submitRound(f.id(), role -> role == RoleCode.OUT_OF_HOURS ? 0 : 3, role -> false);
            Fixtures.asAdmin();
            admin.addFacility(city, f.id());
        }
        String staff = fixtures.associationAdmin(pref);
        Fixtures.as(staff);

        AssociationListView list = navigate(AssociationListView.class);
        assertThat(test(list.grid).size()).isEqualTo(2);
        AssociationRollupView view = navigate(AssociationRollupView.class, city);
        assertThat(view.levels.getCategories()).hasSize(14);
        assertThat(view.levels.getSeries()).hasSize(5);
        assertThat(test(view.roleTable).size()).isEqualTo(14);
        assertThat(test(view.coverage).size()).isEqualTo(1);
        assertThat(view.rollup.municipalities().getFirst().gaps()).containsExactly(RoleCode.OUT_OF_HOURS);
        assertThat(test(view.members).size()).isEqualTo(1);
        assertThat(test(view.members).getRow(0).facilityId()).isEqualTo(first.id());
        test(view.members).clickRow(0);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("RoleProfileView");

        // a round opened here lists, per municipality and for the consenting member, who has answered since
        view = navigate(AssociationRollupView.class, city);
        view.roundName.setValue("2026年度");
        view.roundDeadline.setValue(java.time.LocalDate.now().plusDays(30));
        view.openRound(city);
        assertThat(test(view.roundsGrid).size()).isEqualTo(1);
        var details = view.roundDetails(test(view.roundsGrid).getRow(0));
        view.add(details); // as the grid's details row shows it
        @SuppressWarnings("unchecked")
        var grids = details.getChildren().filter(c -> c instanceof com.vaadin.flow.component.grid.Grid)
                .map(c -> (com.vaadin.flow.component.grid.Grid<Object>) c).toList();
        assertThat(grids).hasSize(2); // per municipality, then the consenting member by name
        assertThat(test(grids.get(0)).size()).isEqualTo(1);
        assertThat(test(grids.get(0)).getCellText(0, 1)).isEqualTo("3");
        assertThat(test(grids.get(1)).size()).isEqualTo(1);
        assertThat(test(grids.get(1)).getCellText(0, 0)).isEqualTo(first.name());
        assertThat(test(grids.get(1)).getCellText(0, 2)).isEqualTo("未着手");

        // import: a file with one broken row is shown row by row; "all" is refused, "valid only" imports the rest
        view = navigate(AssociationRollupView.class, city);
        MemberImportPanel panel = view.importPanel;
        // no English left from the components' built-in texts
        assertThat(panel.upload.getI18n().getAddFiles().getOne()).isEqualTo("ファイルを選択…");
        assertThat(panel.upload.getI18n().getError().getIncorrectFileType()).isEqualTo("CSV (.csv) または Excel (.xlsx) のファイルを選んでください");
        assertThat(view.roundDeadline.getI18n().getMonthNames()).hasSize(12).startsWith("1月");
        String csv = "施設名,種別,市区町村,連絡先\n博多クリニック,診療所,福岡市博多区,\"院長 博多, 一郎\"\n,診療所,福岡市中央区,\n"
                + "天神病院,病院,福岡市中央区,\n";
        // a long file scrolls inside the grid instead of rendering every row
        StringBuilder longFile = new StringBuilder("施設名,種別,市区町村\n");
        for (int i = 0; i < 200; i++) {
            longFile.append("クリニック").append(i).append(",診療所,福岡市東区\n");
        }
        panel.received("long.csv", longFile.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(test(panel.rows).size()).isEqualTo(200);
        assertThat(panel.rows.isAllRowsVisible()).isFalse();
        assertThat(panel.rows.getHeight()).isEqualTo("36rem");
        panel.received("members.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(test(panel.rows).size()).isEqualTo(3);
        assertThat(panel.rows.isAllRowsVisible()).isTrue();
        assertThat(test(panel.rows).getCellText(1, 4)).isEqualTo("施設名がありません");
        assertThat(panel.importAll.isEnabled()).isFalse();
        assertThat(panel.summary.getText()).startsWith("members.csv: 3行: 正しい行 2、誤りのある行 1");
        int roleColumns = view.roleTable.getColumns().size();
        test(panel.importValid).click();
        // the page shows the new members at once, built afresh (no column twice) ...
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.rollup.members()).isEqualTo(5);
        assertThat(view.roleTable.getColumns()).hasSize(roleColumns);
        // ... while the invitation codes, shown only once, stay on screen and download as CSV for a mail merge
        assertThat(view.importPanel).isSameAs(panel);
        String shown = panel.result.getElement().getTextRecursively();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}").matcher(shown);
        assertThat(code.find()).isTrue();
        assertThat(shown).contains("博多クリニック / 院長 博多, 一郎: " + code.group());
        assertThat(panel.codesDownload.getHref()).isNotBlank();
        var invited = List.of(new jp.kakaritsuke.associations.service.MemberImportService.Invited("博多クリニック",
                "院長 \"博多\", 一郎", "ABCD-EFGH-JKMN-PQRS", java.net.URI.create("https://kakaritsuke.example.jp/invite/ABCD-EFGH-JKMN-PQRS"), java.time.Instant.parse("2026-12-09T03:00:00Z")));
        String file = new String(panel.codesCsv(invited), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file).isEqualTo("\uFEFF\"施設名\",\"連絡先\",\"招待コード\",\"リンク\",\"有効期限\"\r\n"
                + "\"博多クリニック\",\"院長 \"\"博多\"\", 一郎\",\"ABCD-EFGH-JKMN-PQRS\",\"https://kakaritsuke.example.jp/invite/ABCD-EFGH-JKMN-PQRS\",\"2026-12-09 12:00\"\r\n");
    }
}
