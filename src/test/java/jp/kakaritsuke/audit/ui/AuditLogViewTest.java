package jp.kakaritsuke.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.LocalDate;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The 監査ログ page: filters narrow the lazily loaded grid; association staff see theirs; others the 403 page. */
@SpringBootTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService associations;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void administratorsFilterTheLog() {
        Fixtures.asAdmin();
        String name = "鳥取県医師会 " + System.nanoTime();
        long pref = associations.create(name, AssociationLevel.PREFECTURAL, "鳥取県", null);
        String staff = fixtures.associationAdmin(pref);

        Fixtures.asAdmin();
        AuditLogView view = navigate(AuditLogView.class);
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(4);
        Association association = view.association.getListDataView().getItems().filter(a -> a.id() == pref).findFirst().orElseThrow();
        test(view.association).selectItem(association.name());
        assertThat(test(view.grid).size()).isEqualTo(4);
        test(view.action).selectItem("医師会管理者の追加");
        assertThat(view.action.getValue()).isEqualTo(AuditAction.ASSOCIATION_ADMIN_ADDED);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("医師会管理者の追加");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo(staff);
        assertThat(test(view.grid).getCellText(0, 5)).isEqualTo(name);

        // a period the wrong way round is said, not silently empty
        test(view.from).setValue(LocalDate.of(2026, 2, 1));
        test(view.to).setValue(LocalDate.of(2026, 1, 1));
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("期間の終了日は開始日より後にしてください。");
        test(view.to).setValue(LocalDate.of(2999, 1, 1));
        test(view.from).setValue(LocalDate.of(2001, 1, 1));
        assertThat(view.error.isVisible()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    void associationStaffSeeTheirsOthersAreRefused() {
        Fixtures.asAdmin();
        long pref = associations.create("島根県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "島根県", null);
        String staff = fixtures.associationAdmin(pref);
        Fixtures.as(staff);
        AuditLogView view = navigate(AuditLogView.class);
        assertThat(test(view.grid).size()).isEqualTo(4);
        assertThat(view.association.getListDataView().getItemCount()).isEqualTo(1);

        String member = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.as(member);
        navigate("audit", jp.kakaritsuke.base.ui.AccessDeniedView.class);
    }
}
