package jp.kakaritsuke.associations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.sql.Timestamp;
import java.time.Instant;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The readiness page on real data: reached from the rollup, the states, one table per 2号 item, 「x」 where hidden. */
@SpringBootTest
class ReportReadinessViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AssociationAdminService admin;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void showsTheStatesAndATablePerItemAndSaysAssociationsDoNotReport() {
        Fixtures.asAdmin();
        long pref = admin.create("福岡県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "福岡県", null);
        long city = admin.create("福岡市医師会", AssociationLevel.MUNICIPAL, "福岡県", pref);
        for (int i = 0; i < 5; i++) {
            FacilityProfile f = fixtures.facility(FacilityKind.CLINIC);
            Fixtures.asAdmin();
            admin.addFacility(city, f.id());
            if (i < 4) {
                Timestamp now = Timestamp.from(Instant.parse("2026-02-01T00:00:00Z"));
                jdbc.sql("""
                        INSERT INTO report_preparation (facility_id, report_year, edition_year, status, no1_met, version,
                            created_at, created_by, updated_at, updated_by, submitted_at, submitted_by)
                        VALUES (?, 2026, 2026, ?, TRUE, 1, ?, 't', ?, 't', ?, 't')""")
                        .params(f.id(), i < 3 ? "SUBMITTED" : "DRAFT", now, now, now).update();
                long id = jdbc.sql("SELECT id FROM report_preparation WHERE facility_id = ?").param(f.id()).query(Long.class).single();
                jdbc.sql("INSERT INTO report_preparation_answer (preparation_id, item_code, choice_codes, origin, confirmed) VALUES (?, 'NO2A.ROTA', ?, 'ENTERED', TRUE)")
                        .params(id, i == 0 ? "0" : "3").update();
            }
        }
        String staff = fixtures.associationAdmin(pref);
        Fixtures.as(staff);

        AssociationRollupView rollup = navigate(AssociationRollupView.class, city);
        assertThat(rollup.getElement().toString()).contains("associations/report-readiness/" + city);
        com.vaadin.flow.component.UI.getCurrent().navigate(ReportReadinessView.class, city, QueryParameters.of("year", "2026"));
        ReportReadinessView view = (ReportReadinessView) getCurrentView();
        assertThat(view.readiness.reportYear()).isEqualTo(2026);
        @SuppressWarnings("unchecked")
        Select<Integer> year = view.year;
        assertThat(year.getValue()).isEqualTo(2026);
        assertThat(test(view.states).size()).as("the total and 福岡's municipality").isEqualTo(2);
        assertThat(test(view.states).getCellText(0, 4)).isEqualTo("3");
        assertThat(test(view.states).getCellText(0, 2)).as("one not started: hidden").isEqualTo("x");
        assertThat(test(view.states).getCellText(0, 3)).as("one in progress: hidden").isEqualTo("x");
        assertThat(view.itemGrids).hasSameSizeAs(view.readiness.items()).isNotEmpty();
        var rota = view.itemGrids.stream().filter(g -> "NO2A.ROTA".equals(g.getElement().getAttribute("data-item"))).findFirst().orElseThrow();
        assertThat(test(rota).size()).isEqualTo(2);
        assertThat(test(rota).getCellText(0, 0)).isEqualTo("合計");
        assertThat(test(rota).getCellText(0, 1)).isEqualTo("3");
        assertThat(test(rota).getCellText(0, 2)).as("the one 「無し(意向無し)」").isEqualTo("x");
        assertThat(test(rota).getCellText(0, 5)).as("the two that would give it away").isEqualTo("x");
        assertThat($(Paragraph.class).all()).anyMatch(p -> p.getText().contains("医師会は機能報告を行わない"));
        assertThat(test(view.members).size()).isZero();
        // a year without items in the address is a broken link, not a page
        com.vaadin.flow.component.UI.getCurrent().navigate(ReportReadinessView.class, city, QueryParameters.of("year", "1999"));
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("ReportReadinessView");
    }
}
