package jp.kakaritsuke.associations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationAdminService.MemberFacility;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 13: renaming and moving associations, removing and moving member facilities — who may, what each refusal
 * says, that a refused change leaves everything as it was, and the audit record of each change.
 *
 * <p>The world: a national association N with two prefectural ones of 静岡県 (A, and B, e.g. a merger in progress) and
 * one of 愛知県 (X); a city association C under A; a top-level prefectural one T. Staff of N, A and C.
 */
@SpringBootTest
class AssociationPeopleTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    RollupService rollups;

    @Autowired
    FacilityService facilities;

    @Autowired
    JdbcClient jdbc;

    long national;
    long prefA;
    long prefB;
    long aichi;
    long city;
    long top;
    String nationalStaff;
    String prefAStaff;
    String cityStaff;

    @BeforeEach
    void hierarchy() {
        Fixtures.asAdmin();
        String suffix = " " + System.nanoTime();
        national = admin.create("日本医師会" + suffix, AssociationLevel.NATIONAL, "東京都", null);
        prefA = admin.create("静岡県医師会" + suffix, AssociationLevel.PREFECTURAL, "静岡県", national);
        prefB = admin.create("静岡県医師会 (新)" + suffix, AssociationLevel.PREFECTURAL, "静岡県", national);
        aichi = admin.create("愛知県医師会" + suffix, AssociationLevel.PREFECTURAL, "愛知県", national);
        city = admin.create("浜松市医師会" + suffix, AssociationLevel.MUNICIPAL, "静岡県", prefA);
        top = admin.create("沖縄県医師会" + suffix, AssociationLevel.PREFECTURAL, "沖縄県", null);
        nationalStaff = fixtures.associationAdmin(national);
        prefAStaff = fixtures.associationAdmin(prefA);
        cityStaff = fixtures.associationAdmin(city);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void whoeverSeesAnAssociationRenamesItAndAStaleVersionChangesNothing() {
        Fixtures.as(cityStaff);
        var settings = admin.settings(city);
        long version = admin.rename(city, settings.version(), "  浜松市医師会 (改称)  ");
        assertThat(name(city)).isEqualTo("浜松市医師会 (改称)");
        assertThat(admin.settings(city).version()).isEqualTo(version);

        // the parent's staff saw the old version: refused, and the name stays the one just given
        Fixtures.as(prefAStaff);
        assertThatThrownBy(() -> admin.rename(city, settings.version(), "浜松医師会"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("associationPeople.error.stale"));
        assertThat(name(city)).isEqualTo("浜松市医師会 (改称)");
        // with the fresh version it goes through
        admin.rename(city, admin.settings(city).version(), "浜松医師会");
        assertThat(name(city)).isEqualTo("浜松医師会");

        // the name rule of creating an association, every problem at once
        long current = admin.settings(city).version();
        assertThatThrownBy(() -> admin.rename(city, current, " ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("association.error.name"));
        assertThatThrownBy(() -> admin.rename(city, current, "=HYPERLINK(\"x\")"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKeys()).containsExactly("association.error.nameFormula"));
        assertThatThrownBy(() -> admin.rename(city, current, "x".repeat(201))).isInstanceOf(InvalidInputException.class);
        assertThat(name(city)).isEqualTo("浜松医師会");

        // a child's or a sibling's staff do not see it: as if it did not exist
        Fixtures.as(cityStaff);
        assertThatThrownBy(() -> admin.rename(prefA, 0, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.settings(prefA)).isInstanceOf(NotFoundException.class);
        Fixtures.as(prefAStaff);
        assertThatThrownBy(() -> admin.rename(prefB, 0, "x")).isInstanceOf(NotFoundException.class);
        // nor does a facility's editor
        fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        assertThatThrownBy(() -> admin.rename(city, current, "x")).isInstanceOf(NotFoundException.class);

        assertThat(audit("ASSOCIATION_RENAMED", city)).extracting(Audit::actor, Audit::detail).containsExactly(
                tuple(cityStaff, "浜松市医師会 " + suffixOf(national) + " -> 浜松市医師会 (改称)"),
                tuple(prefAStaff, "浜松市医師会 (改称) -> 浜松医師会"));
    }

    @Test
    void aCityAssociationMovesOnlyWithinItsPrefectureAndOnlyForWhoSeesBothParents() {
        // the city's own staff see neither parent; the old parent's staff do not see the new one
        Fixtures.as(cityStaff);
        long v = admin.settings(city).version();
        assertThat(admin.settings(city).movable()).isFalse();
        assertThat(admin.settings(city).parent()).map(Association::id).contains(prefA);
        assertThatThrownBy(() -> admin.move(city, v, prefB)).isInstanceOf(NotFoundException.class);
        Fixtures.as(prefAStaff);
        assertThat(admin.settings(city).parentChoices()).isEmpty();
        assertThatThrownBy(() -> admin.move(city, v, prefB)).isInstanceOf(NotFoundException.class);

        // the national association's staff see both 静岡県 associations: offered B, not 愛知県, not the top level
        Fixtures.as(nationalStaff);
        var settings = admin.settings(city);
        assertThat(settings.parentChoices()).extracting(Association::id).containsExactly(prefB);
        assertThat(settings.topLevelChoice()).isFalse();
        assertThatThrownBy(() -> admin.move(city, v, aichi)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("association.error.parent"));
        assertThatThrownBy(() -> admin.move(city, v, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.move(city, v, prefA)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("associationPeople.error.sameParent"));
        assertThatThrownBy(() -> admin.move(city, v, city)).isInstanceOf(InvalidInputException.class);
        admin.move(city, v, prefB);
        assertThat(parent(city)).isEqualTo(prefB);
        // a second move from the same page (stale version) is refused
        assertThatThrownBy(() -> admin.move(city, v, prefA)).isInstanceOf(ConflictException.class);
        assertThat(parent(city)).isEqualTo(prefB);

        // A's staff no longer see the city; its own staff still do
        Fixtures.as(prefAStaff);
        assertThat(rollups.visibleAssociations()).extracting(Association::id).containsExactly(prefA);
        Fixtures.as(cityStaff);
        assertThat(rollups.visibleAssociations()).extracting(Association::id).containsExactly(city);

        // on record for the city, and for A, which no longer sees the city's own record
        assertThat(audit("ASSOCIATION_MOVED", city)).extracting(Audit::actor).containsExactly(nationalStaff);
        assertThat(audit("ASSOCIATION_MOVED", city).getFirst().detail()).contains("#" + prefA).contains("#" + prefB);
        assertThat(audit("ASSOCIATION_MOVED", prefA)).hasSize(1);
    }

    @Test
    void aPrefecturalAssociationGoesUnderOrAwayFromTheNationalOneByTheRightPeople() {
        // a top-level association is seen by no national staff: only a system administrator places it
        Fixtures.as(nationalStaff);
        assertThatThrownBy(() -> admin.move(top, 0, national)).isInstanceOf(NotFoundException.class);
        Fixtures.asAdmin();
        var settings = admin.settings(top);
        assertThat(settings.topLevelChoice()).isFalse(); // already top level
        assertThat(settings.parentChoices()).extracting(Association::id).contains(national);
        assertThat(settings.parentChoices()).extracting(Association::level).containsOnly(AssociationLevel.NATIONAL);
        admin.move(top, settings.version(), national);
        Fixtures.as(nationalStaff);
        assertThat(rollups.visibleAssociations()).extracting(Association::id).contains(top);

        // the national staff cannot take it out to the top level (nobody but administrators sees the top level)
        var under = admin.settings(top);
        assertThat(under.topLevelChoice()).isFalse();
        assertThatThrownBy(() -> admin.move(top, under.version(), null)).isInstanceOf(AccessDeniedException.class);
        Fixtures.asAdmin();
        assertThat(admin.settings(top).topLevelChoice()).isTrue();
        admin.move(top, under.version(), null);
        assertThat(parent(top)).isNull();
        Fixtures.as(nationalStaff);
        assertThat(rollups.visibleAssociations()).extracting(Association::id).doesNotContain(top);

        // a national association has no place but the top
        Fixtures.asAdmin();
        assertThat(admin.settings(national).movable()).isFalse();
        long nv = admin.settings(national).version();
        assertThatThrownBy(() -> admin.move(national, nv, prefA)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theRegisterNamesOnlyWhomTheStaffMayNameAndMembersAreRemovedAndMovedAsWhole() {
        Fixtures.asAdmin();
        FacilityProfile consenting = fixtures.facility(FacilityKind.CLINIC);
        String consentingEditor = fixtures.member(consenting, MemberRole.EDITOR);
        facilities.setConsent(consenting.id(), true);
        FacilityProfile privateOne = fixtures.facility(FacilityKind.HOSPITAL);
        fixtures.member(privateOne, MemberRole.EDITOR);
        FacilityProfile imported = fixtures.facility(FacilityKind.CLINIC); // nobody joined yet
        Fixtures.asAdmin();
        for (FacilityProfile f : List.of(consenting, privateOne, imported)) {
            admin.addFacility(prefA, f.id());
        }
        assertThat(audit("ASSOCIATION_MEMBER_ADDED", prefA)).extracting(Audit::facilityId)
                .containsExactly(consenting.id(), privateOne.id(), imported.id());
        assertThat(admin.members(prefA).listed()).hasSize(3);

        Fixtures.as(prefAStaff);
        var register = admin.members(prefA);
        assertThat(register.listed()).extracting(MemberFacility::facilityId).containsExactlyInAnyOrder(consenting.id(), imported.id());
        assertThat(register.unlisted()).isEqualTo(1);
        assertThat(register.moveTargets()).extracting(Association::id).containsExactly(city);
        // a member they cannot name answers as one that is not a member
        assertThatThrownBy(() -> admin.removeFacility(prefA, privateOne.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.moveFacility(prefA, privateOne.id(), city)).isInstanceOf(NotFoundException.class);
        // nor can the city's staff touch the parent's register, nor A's staff move a member to B (not theirs)
        assertThatThrownBy(() -> admin.moveFacility(prefA, imported.id(), prefB)).isInstanceOf(NotFoundException.class);
        Fixtures.as(cityStaff);
        assertThatThrownBy(() -> admin.members(prefA)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.removeFacility(prefA, imported.id())).isInstanceOf(NotFoundException.class);

        // A's staff remove the wrongly imported one, and move the consenting one to the city association
        Fixtures.as(prefAStaff);
        admin.removeFacility(prefA, imported.id());
        assertThatThrownBy(() -> admin.removeFacility(prefA, imported.id())).isInstanceOf(NotFoundException.class);
        admin.moveFacility(prefA, consenting.id(), city);
        assertThat(memberships(consenting.id())).containsExactly(city);
        assertThat(memberships(imported.id())).isEmpty();
        // the facility itself is untouched: its people and consent stay
        Fixtures.as(consentingEditor);
        assertThat(facilities.consent(consenting.id())).isTrue();

        // already a member of the target: refused, and it stays where it was
        Fixtures.asAdmin();
        admin.addFacility(prefB, privateOne.id());
        assertThatThrownBy(() -> admin.moveFacility(prefA, privateOne.id(), prefB)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("association.error.alreadyMember"));
        assertThatThrownBy(() -> admin.moveFacility(prefA, privateOne.id(), prefA)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("associationPeople.error.sameAssociation"));
        assertThat(memberships(privateOne.id())).containsExactlyInAnyOrder(prefA, prefB);
        // a system administrator names and moves any member
        admin.moveFacility(prefA, privateOne.id(), aichi);
        assertThat(memberships(privateOne.id())).containsExactlyInAnyOrder(prefB, aichi);

        assertThat(audit("ASSOCIATION_MEMBER_REMOVED", prefA)).extracting(Audit::actor, Audit::facilityId)
                .containsExactly(tuple(prefAStaff, imported.id()));
        assertThat(audit("ASSOCIATION_MEMBER_MOVED", prefA)).extracting(Audit::actor, Audit::facilityId)
                .containsExactly(tuple(prefAStaff, consenting.id()), tuple("admin", privateOne.id()));
        assertThat(audit("ASSOCIATION_MEMBER_MOVED", city)).extracting(Audit::facilityId).containsExactly(consenting.id());
        assertThat(audit("ASSOCIATION_MEMBER_MOVED", aichi)).extracting(Audit::facilityId).containsExactly(privateOne.id());
    }

    record Audit(String actor, Long facilityId, String detail) {
    }

    private List<Audit> audit(String action, long associationId) {
        return jdbc.sql("SELECT actor, facility_id, detail FROM audit_event WHERE action = ? AND association_id = ? ORDER BY id")
                .params(action, associationId)
                .query((rs, i) -> new Audit(rs.getString("actor"), rs.getObject("facility_id", Long.class), rs.getString("detail"))).list();
    }

    private String name(long associationId) {
        return jdbc.sql("SELECT name FROM association WHERE id = ?").param(associationId).query(String.class).single();
    }

    private Long parent(long associationId) {
        return jdbc.sql("SELECT parent_id FROM association WHERE id = ?").param(associationId)
                .query((rs, i) -> rs.getObject("parent_id", Long.class)).list().getFirst();
    }

    private List<Long> memberships(long facilityId) {
        return jdbc.sql("SELECT association_id FROM association_facility WHERE facility_id = ?").param(facilityId)
                .query(Long.class).list();
    }

    private String suffixOf(long associationId) {
        String n = name(associationId);
        return n.substring(n.lastIndexOf(' ') + 1);
    }
}
