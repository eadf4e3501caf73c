package jp.kakaritsuke.associations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.MemberImportService;
import jp.kakaritsuke.base.Csv;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The import panel: an upload cut off at the limit says so; the invitation-codes CSV never carries a live formula. */
@SpringBootTest
class MemberImportPanelTrustTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void tooLargeUploadsAndFormulaTextInTheCodesCsv() {
        Fixtures.asAdmin();
        long pref = admin.create("熊本県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "熊本県", null);
        Fixtures.as(fixtures.associationAdmin(pref));
        AssociationRollupView view = navigate(AssociationRollupView.class, pref);
        MemberImportPanel panel = view.importPanel;

        panel.received("members.csv", "施設名,種別,市区町村\n熊本クリニック,診療所,熊本市中央区\n".getBytes(StandardCharsets.UTF_8));
        assertThat(panel.importAll.isEnabled()).isTrue();
        // the upload handler cut the next file off at 5 MB: nothing of the earlier file can be imported by mistake
        panel.tooLarge("huge.csv");
        assertThat(panel.summary.getText()).isEqualTo("huge.csv: ファイルが大きすぎます (5MBまで)");
        assertThat(panel.importAll.isEnabled()).isFalse();
        assertThat(panel.importValid.isEnabled()).isFalse();
        assertThat(panel.content).isNull();

        // invitations stored before the rule existed still reach the CSV neutralised (base.Csv.write)
        var invited = List.of(new MemberImportService.Invited("-2+3+cmd|' /C calc'!A0",
                "-HYPERLINK(\"http://evil.example\",\"連絡\")", "ABCD-EFGH-JKMN-PQRS", java.net.URI.create("http://localhost:8080/invite/ABCD-EFGH-JKMN-PQRS"), Instant.parse("2026-12-09T03:00:00Z")));
        String file = new String(panel.codesCsv(invited), StandardCharsets.UTF_8);
        List<List<String>> rows = Csv.parse(file.substring(1));
        assertThat(rows.get(1).get(0)).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(rows.get(1).get(1)).isEqualTo("'-HYPERLINK(\"http://evil.example\",\"連絡\")");
        assertThat(rows).allSatisfy(row -> assertThat(row).noneMatch(TextRules::startsLikeFormula));
    }
}
