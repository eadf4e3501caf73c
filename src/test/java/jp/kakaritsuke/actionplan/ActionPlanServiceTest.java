package jp.kakaritsuke.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.actionplan.service.ActionInput;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Who may read and change a facility's action plan, the one validation rule, and optimistic versions. */
@SpringBootTest
class ActionPlanServiceTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionPlanService plans;

    @Autowired
    FacilityService facilities;

    @Autowired
    AssociationAdminService associations;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    static ActionInput input(String what) {
        return new ActionInput(RoleCode.HOME_CARE, new SourceReference("17", 1), null, what, "院長", LocalDate.of(2027, 3, 31), null);
    }

    @Test
    void editorChangesViewerReadsOutsidersSeeNothing() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        ActionItem item = plans.add(clinic.id(), input("訪問診療の曜日を決める"));
        assertThat(item.getStatus()).isEqualTo(ActionStatus.PLANNED);
        assertThat(item.getPractice()).isEqualTo(new SourceReference("17", 1));
        assertThat(item.getCreatedBy()).isEqualTo(editor);

        Fixtures.asAdmin();
        long association = associations.create("行動計画 医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        associations.addFacility(association, clinic.id());
        String staff = fixtures.associationAdmin(association);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String outsider = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);

        Fixtures.as(viewer);
        assertThat(plans.plan(clinic.id())).extracting(ActionItem::getWhat).containsExactly("訪問診療の曜日を決める");
        assertThat(plans.get(item.getId()).getWhat()).isEqualTo("訪問診療の曜日を決める");
        assertThat(plans.canEdit(clinic.id())).isFalse();
        assertThatThrownBy(() -> plans.add(clinic.id(), input("x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.setStatus(item.getId(), item.getVersion(), ActionStatus.DONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.delete(item.getId(), null)).isInstanceOf(AccessDeniedException.class);

        // the association that holds the consent reads results, never the plan: as if it did not exist
        for (String stranger : List.of(staff, outsider)) {
            Fixtures.as(stranger);
            assertThat(plans.canRead(clinic.id())).isFalse();
            assertThatThrownBy(() -> plans.plan(clinic.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> plans.openActions(clinic.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> plans.get(item.getId())).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("action");
            assertThatThrownBy(() -> plans.get(987654321L)).isInstanceOf(NotFoundException.class).hasMessageContaining("action");
            assertThatThrownBy(() -> plans.update(item.getId(), item.getVersion(), input("y"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> plans.delete(item.getId(), null)).isInstanceOf(NotFoundException.class);
        }

        Fixtures.anonymous();
        assertThatThrownBy(() -> plans.plan(clinic.id())).isInstanceOf(AuthenticationException.class);

        Fixtures.as(editor);
        ActionItem done = plans.setStatus(item.getId(), item.getVersion(), ActionStatus.DONE);
        assertThat(plans.openActions(clinic.id())).isEmpty();
        plans.delete(done.getId(), done.getVersion());
        assertThat(plans.plan(clinic.id())).isEmpty();
    }

    @Test
    void openActionsArePlannedAndInProgressOnly() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        ActionItem a = plans.add(clinic.id(), input("一"));
        ActionItem b = plans.add(clinic.id(), input("二"));
        ActionItem c = plans.add(clinic.id(), input("三"));
        plans.setStatus(b.getId(), b.getVersion(), ActionStatus.IN_PROGRESS);
        plans.setStatus(c.getId(), c.getVersion(), ActionStatus.DROPPED);
        assertThat(plans.openActions(clinic.id())).extracting(ActionItem::getWhat).containsExactly("一", "二");
        assertThat(a.getId()).isNotNull();
    }

    @Test
    void theOneRuleRefusesFieldByField() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        ActionInput bad = new ActionInput(null, new SourceReference("17", 99), null, "  ", "=HYPERLINK(\"x\")",
                LocalDate.of(20026, 1, 1), null);
        assertThatThrownBy(() -> plans.add(clinic.id(), bad)).isInstanceOfSatisfying(FieldErrors.class, e ->
                assertThat(e.errors()).extracting(FieldErrors.FieldError::field, FieldErrors.FieldError::messageKey)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("roleCode", "actions.error.role"),
                                org.assertj.core.groups.Tuple.tuple("what", "actions.error.whatRequired"),
                                org.assertj.core.groups.Tuple.tuple("who", "actions.error.whoFormula"),
                                org.assertj.core.groups.Tuple.tuple("dueDate", "actions.error.dueDate"),
                                org.assertj.core.groups.Tuple.tuple("practice", "actions.error.practice")));
        assertThat(plans.problems(input("a".repeat(501)))).extracting(FieldErrors.FieldError::messageKey)
                .containsExactly("actions.error.whatLength");
        assertThat(plans.problems(input("一行目\n-2+3"))).extracting(FieldErrors.FieldError::messageKey)
                .containsExactly("actions.error.whatFormula");
        assertThat(plans.problems(input("見えない\u202E文字"))).extracting(FieldErrors.FieldError::messageKey)
                .containsExactly("actions.error.whatInvisible");
        assertThat(plans.problems(new ActionInput(RoleCode.HOME_CARE, null, null, "a", "x".repeat(101), null, null)))
                .extracting(FieldErrors.FieldError::messageKey).containsExactly("actions.error.whoLength");
        // line breaks stay, spaces around are cut, an empty who is no who
        ActionItem ok = plans.add(clinic.id(), new ActionInput(RoleCode.HOME_CARE, null, null, "  一行目\r\n二行目 ", " ", null, null));
        assertThat(ok.getWhat()).isEqualTo("一行目\n二行目");
        assertThat(ok.getWho()).isNull();
        assertThat(plans.plan(clinic.id())).hasSize(1);
    }

    @Test
    void aStaleVersionIsAConflict() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        ActionItem item = plans.add(clinic.id(), input("最初"));
        ActionItem changed = plans.update(item.getId(), item.getVersion(), input("二人目が先に変更"));
        assertThat(changed.getVersion()).isGreaterThan(item.getVersion());
        assertThatThrownBy(() -> plans.update(item.getId(), item.getVersion(), input("古い版から")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> plans.setStatus(item.getId(), item.getVersion(), ActionStatus.DONE))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> plans.delete(item.getId(), item.getVersion())).isInstanceOf(ConflictException.class);
        assertThat(plans.get(item.getId()).getWhat()).isEqualTo("二人目が先に変更");
    }
}
