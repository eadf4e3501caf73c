package jp.kakaritsuke.associations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.MemberState;
import jp.kakaritsuke.associations.domain.MemberStateRepository;
import jp.kakaritsuke.associations.domain.ReportMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Associations' read model on H2 and MariaDB: kept by the facility's event and the assessment's feed in their
 * transactions, held by every node's {@link MemberIndex} exactly: each member once, no name without consent, every
 * committed change in the next answer of every node, nothing of a change rolled back.
 */
@SpringBootTest
class MemberIndexTest {

    @Autowired
    MemberIndex states;

    @Autowired
    MemberStateRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    FacilityService facilities;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RoundService assessments;

    long pref;
    long city;
    long other;
    FacilityProfile consenting;
    FacilityProfile silent;
    FacilityProfile outsider;
    FacilityProfile office;

    @BeforeEach
    void setUp() {
        Fixtures.asAdmin();
        pref = admin.create("茨城県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "茨城県", null);
        city = admin.create("水戸市医師会", AssociationLevel.MUNICIPAL, "茨城県", pref);
        other = admin.create("日立市医師会", AssociationLevel.MUNICIPAL, "茨城県", pref);
        consenting = fixtures.facility(FacilityKind.CLINIC);
        outsider = fixtures.facility(FacilityKind.CLINIC); // between the members' ids, in no association
        silent = fixtures.facility(FacilityKind.HOSPITAL);
        office = fixtures.facility(FacilityKind.ASSOCIATION);
        fixtures.member(consenting, MemberRole.EDITOR);
        facilities.setConsent(consenting.id(), true);
        fixtures.submitRound(consenting.id(), role -> role == RoleCode.HOME_CARE ? 4 : 1, role -> role == RoleCode.HOME_CARE);
        fixtures.member(silent, MemberRole.EDITOR);
        fixtures.submitRound(silent.id(), role -> 2, role -> false);
        fixtures.submitRound(silent.id(), role -> 3, role -> false);
        Fixtures.asAdmin();
        admin.addFacility(city, consenting.id());
        admin.addFacility(city, silent.id());
        admin.addFacility(other, silent.id()); // in two associations of the prefecture's subtree
        admin.addFacility(other, office.id());
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void membersAreReadOnceEachByIdWithNameAndRoundOnlyWhereTheyConsented() {
        Set<Long> scope = Set.of(pref, city, other);
        List<MemberState> byRange = states.members(scope);
        assertThat(byRange).isEqualTo(fresh().members(scope)).as("a node's first load reads the same");
        assertThat(byRange).extracting(MemberState::facilityId)
                .containsExactly(consenting.id(), silent.id(), office.id()).doesNotContain(outsider.id());

        MemberState c = byRange.getFirst();
        assertThat(c.name()).isEqualTo(consenting.name());
        assertThat(c.consent()).isTrue();
        assertThat(c.submitted()).isTrue();
        assertThat(c.lastRoundId()).isNotNull();
        assertThat(c.previous()).isEqualTo(MemberState.NONE);
        assertThat(c.profile().levelOrZero(RoleCode.HOME_CARE)).isEqualTo(4);
        assertThat(c.profile().isPriority(RoleCode.HOME_CARE)).isTrue();
        assertThat(c.profile().levelOrZero(RoleCode.OTHER)).isEqualTo(1);

        MemberState s = byRange.get(1);
        assertThat(s.name()).as("never read without consent").isNull();
        assertThat(s.lastSubmitted()).as("every member's time (a round's progress compares it)").isNotNull();
        assertThat(s.lastRoundId()).as("the round of a consenting member only").isNull();
        assertThat(s.submitted()).isTrue();
        assertThat(s.municipality()).isEqualTo(silent.municipality());
        assertThat(s.profile().levelOrZero(RoleCode.HOME_CARE)).isEqualTo(3);
        assertThat(s.previous()).isNotEqualTo(MemberState.NONE);
        assertThat(s.previousPriorities()).isTrue();

        MemberState o = byRange.get(2);
        assertThat(o.submitted()).isFalse();
        assertThat(o.draft()).isFalse();
        assertThat(o.latest()).isEqualTo(MemberState.NONE);

        assertThat(states.reportMembers(scope)).extracting(ReportMember::facilityId, ReportMember::association)
                .containsExactly(tuple(consenting.id(), false),
                        tuple(silent.id(), false),
                        tuple(office.id(), true));
        assertThat(states.members(Set.of())).isEmpty();
    }

    @Test
    void theFacilitysChangesReachTheReadModelInItsTransaction() {
        fixtures.member(silent, MemberRole.EDITOR);
        FacilityProfile now = facilities.get(silent.id());
        facilities.updateProfile(new FacilityProfile(now.id(), now.version(), "改名した病院", now.type(), now.prefecture(),
                "ひたちなか市", now.areaType(), now.bedsGeneral(), now.bedsLongTerm(), now.bedsOther(), now.doctorsFullTime(),
                now.doctorsPartTime(), now.designations()));
        facilities.setConsent(silent.id(), true);
        MemberState s = states.members(Set.of(city)).get(1);
        assertThat(s.name()).isEqualTo("改名した病院");
        assertThat(s.municipality()).isEqualTo("ひたちなか市");
        assertThat(s.consent()).isTrue();

        // a change refused (here: someone else saved first) leaves the copy as it was
        assertThatThrownBy(() -> facilities.updateProfile(new FacilityProfile(now.id(), now.version(), "古い版", now.type(),
                now.prefecture(), "古い町", now.areaType(), now.bedsGeneral(), now.bedsLongTerm(), now.bedsOther(),
                now.doctorsFullTime(), now.doctorsPartTime(), now.designations())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(states.members(Set.of(city)).get(1).name()).isEqualTo("改名した病院");
    }

    @Test
    void aDraftIsRecordedAndEveryFacilityHasItsRow() {
        fixtures.member(office, MemberRole.EDITOR);
        assessments.startRound(office.id());
        Fixtures.asAdmin();
        assertThat(states.members(Set.of(other))).filteredOn(m -> m.facilityId() == office.id())
                .singleElement().satisfies(m -> {
                    assertThat(m.draft()).isTrue();
                    assertThat(m.submitted()).isFalse();
                });
        Integer rows = jdbc.sql("SELECT COUNT(*) FROM member_state WHERE facility_id = ?").param(outsider.id())
                .query(Integer.class).single();
        assertThat(rows).as("every facility has its row from the start").isEqualTo(1);
    }

    @Test
    void everyNodeSeesEveryCommittedChangeInItsNextAnswerAndNothingOfOneRolledBack() {
        MemberIndex otherNode = fresh();
        Set<Long> scope = Set.of(city);
        assertThat(otherNode.members(scope)).extracting(MemberState::facilityId).containsExactly(consenting.id(), silent.id());
        long before = otherNode.loaded();

        // a change made through this node's services (a facility renamed) is in the other node's next answer
        fixtures.member(silent, MemberRole.EDITOR);
        facilities.setConsent(silent.id(), true);
        FacilityProfile now = facilities.get(silent.id());
        facilities.updateProfile(new FacilityProfile(now.id(), now.version(), "他ノードで改名", now.type(), now.prefecture(),
                now.municipality(), now.areaType(), now.bedsGeneral(), now.bedsLongTerm(), now.bedsOther(),
                now.doctorsFullTime(), now.doctorsPartTime(), now.designations()));
        assertThat(otherNode.members(scope).get(1).name()).isEqualTo("他ノードで改名");
        assertThat(otherNode.loaded()).isGreaterThan(before);

        // a change rolled back: the index, asked inside that (writing) transaction, neither takes it in nor skips the
        // number the rollback hands out again
        long numbered = otherNode.loaded();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Fixtures.asAdmin();
            repository.facilityChanged(silent.id(), "取り消される名前", FacilityKind.HOSPITAL, now.municipality(), true);
            assertThat(otherNode.members(scope).get(1).name()).isEqualTo("他ノードで改名");
            status.setRollbackOnly();
        });
        assertThat(otherNode.loaded()).isEqualTo(numbered);
        assertThat(repository.currentChange()).isEqualTo(numbered);
        fixtures.member(silent, MemberRole.EDITOR);
        FacilityProfile again = facilities.get(silent.id());
        facilities.updateProfile(new FacilityProfile(again.id(), again.version(), "次の名前", again.type(), again.prefecture(),
                again.municipality(), again.areaType(), again.bedsGeneral(), again.bedsLongTerm(), again.bedsOther(),
                again.doctorsFullTime(), again.doctorsPartTime(), again.designations()));
        assertThat(otherNode.members(scope).get(1).name()).as("the number taken again by a committed change").isEqualTo("次の名前");
        assertThat(states.members(scope).get(1).name()).isEqualTo("次の名前");

        // a submission: the other node counts its levels
        fixtures.submitRound(silent.id(), role -> 4, role -> false);
        Fixtures.asAdmin();
        assertThat(otherNode.members(scope).get(1).profile().levelOrZero(RoleCode.HOME_CARE)).isEqualTo(4);
    }

    /** Another node's index on the same database (its own map, loaded on first use). */
    private MemberIndex fresh() {
        return new MemberIndex(repository, transactions);
    }
}
