package jp.kakaritsuke.associations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityType;
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
            FacilityProfile f = fixtures.facility(FacilityType.CLINIC);
            fixtures.member(f, MemberRole.EDITOR);
            if (i == 0) {
                facilities.setConsent(f.id(), true);
                first = f;
            }
            fixtures.submitRound(f.id(), role -> role.equals("OUT_OF_HOURS") ? 0 : 3, role -> false);
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
        assertThat(view.rollup.municipalities().getFirst().gaps()).containsExactly("OUT_OF_HOURS");
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
        String text = details.getElement().getTextRecursively();
        assertThat(text).contains("会員 3、提出 ").contains(first.name()).contains("未着手");
        assertThat(details.getChildren().filter(c -> c instanceof com.vaadin.flow.component.html.Paragraph).count()).isEqualTo(2);

        // import: a file with one broken row is shown row by row; "all" is refused, "valid only" imports the rest
        view = navigate(AssociationRollupView.class, city);
        MemberImportPanel panel = view.importPanel;
        String csv = "施設名,種別,市区町村\n博多クリニック,診療所,福岡市博多区\n,診療所,福岡市中央区\n天神病院,病院,福岡市中央区\n";
        panel.received("members.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(test(panel.rows).size()).isEqualTo(3);
        assertThat(test(panel.rows).getCellText(1, 4)).isEqualTo("施設名がありません");
        assertThat(panel.importAll.isEnabled()).isFalse();
        assertThat(panel.summary.getText()).startsWith("3行: 正しい行 2、誤りのある行 1");
        test(panel.importValid).click();
        // the page shows the new members at once
        assertThat(((AssociationRollupView) getCurrentView()).rollup.members()).isEqualTo(5);
    }
}
