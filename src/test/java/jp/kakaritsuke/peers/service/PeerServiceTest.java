package jp.kakaritsuke.peers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerComparison.Withheld;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.domain.PeerMemberRepository;
import jp.kakaritsuke.peers.domain.RoleDistribution;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Peer statistics through the service, on the application's database (H2 and MariaDB): consent decides who counts,
 * the threshold hides small groups, access is the round's. Each test works in prefectures no other test uses.
 */
@SpringBootTest
class PeerServiceTest {

    @Autowired
    PeerService peers;

    @Autowired
    FacilityService facilities;

    @Autowired
    PeerMemberRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    record Peer(long facilityId, long roundId, String editor) {
    }

    @Test
    void onlyConsentingFacilitiesCountAndNeverFewerThanTen() {
        // the subject and 8 others consent in 高知県 (region 四国, rural): 9, below the threshold
        Peer subject = clinic("高知県", AreaType.RURAL, 2, true, Designation.PRIMARY_CARE_FUNCTION_ENHANCEMENT);
        List<Integer> levels = new ArrayList<>(List.of(2));
        List<Peer> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(clinic("高知県", AreaType.RURAL, i % 4, true));
            levels.add(i % 4);
        }
        Fixtures.as(subject.editor());
        PeerComparison nine = peers.defaultGroup(subject.roundId());
        assertThat(nine.withheld()).isEqualTo(Withheld.TOO_FEW);
        assertThat(nine.size()).isZero();
        assertThat(nine.roles()).allMatch(r -> r.spread() == null && r.facilityLevel() == 2);

        // a facility that does not consent changes nothing, even with the highest levels
        Peer silent = clinic("高知県", AreaType.RURAL, 4, false);
        Fixtures.as(subject.editor());
        assertThat(peers.defaultGroup(subject.roundId()).withheld()).isEqualTo(Withheld.TOO_FEW);

        // the tenth consenting facility: statistics, as a plain computation over the ten
        clinic("高知県", AreaType.RURAL, 4, true);
        levels.add(4);
        Fixtures.as(subject.editor());
        PeerComparison ten = peers.defaultGroup(subject.roundId());
        assertThat(ten.withheld()).isNull();
        assertThat(ten.size()).isEqualTo(10);
        int[] sorted = levels.stream().mapToInt(Integer::intValue).sorted().toArray();
        for (RoleDistribution r : ten.roles()) {
            assertThat(r.spread().count()).isEqualTo(10);
            assertThat(r.spread().q1()).isEqualTo(sorted[2]);
            assertThat(r.spread().median()).isEqualTo(sorted[4]);
            assertThat(r.spread().q3()).isEqualTo(sorted[7]);
            long below = Arrays.stream(sorted).filter(l -> l < 2).count();
            long equal = Arrays.stream(sorted).filter(l -> l == 2).count();
            assertThat(r.spread().percentile()).isEqualTo((int) Math.round((below + equal / 2.0) * 10));
        }
        PeerGroup kochi = new PeerGroup(FacilityKind.CLINIC, null, null, null, "高知県", Set.of());
        assertThat(peers.group(subject.roundId(), kochi).size()).isEqualTo(10);

        // the non-consenting facility's own view: nothing (give to get), and it counts in no one's group
        Fixtures.as(silent.editor());
        assertThat(peers.defaultGroup(silent.roundId()).withheld()).isEqualTo(Withheld.NO_CONSENT);
        assertThat(peers.group(silent.roundId(), kochi).withheld()).isEqualTo(Withheld.NO_CONSENT);
        assertThat(peers.recommended(silent.roundId()).withheld()).isEqualTo(Withheld.NO_CONSENT);
        assertThat(peers.defaultGroup(silent.roundId()).roles()).allMatch(r -> r.spread() == null);
        Fixtures.as(subject.editor());
        int recommendedBefore = peers.recommended(subject.roundId()).size();
        assertThat(recommendedBefore).isGreaterThanOrEqualTo(9); // the other nine, maybe consenting clinics elsewhere

        // it consents: counted at once, in the default, an own and the recommended group
        Fixtures.as(silent.editor());
        peers.setConsent(silent.facilityId(), true);
        Fixtures.as(subject.editor());
        assertThat(peers.defaultGroup(subject.roundId()).size()).isEqualTo(11);
        assertThat(peers.group(subject.roundId(), kochi).size()).isEqualTo(11);
        assertThat(peers.recommended(subject.roundId()).size())
                .isEqualTo(Math.min(PeerService.RECOMMENDED_PEERS, recommendedBefore + 1));

        // narrowing the group to what only the subject holds shows nothing, not its own level
        PeerGroup narrow = new PeerGroup(FacilityKind.CLINIC, null, AreaType.RURAL, null, "高知県",
                Set.of(Designation.PRIMARY_CARE_FUNCTION_ENHANCEMENT));
        PeerComparison one = peers.group(subject.roundId(), narrow);
        assertThat(one.withheld()).isEqualTo(Withheld.TOO_FEW);
        assertThat(one.size()).isZero();
        assertThat(one.roles()).allMatch(r -> r.spread() == null);

        // withdrawn: gone from the next answer
        Fixtures.as(silent.editor());
        peers.setConsent(silent.facilityId(), false);
        Fixtures.as(others.get(0).editor());
        peers.setConsent(others.get(0).facilityId(), false);
        Fixtures.as(subject.editor());
        assertThat(peers.defaultGroup(subject.roundId()).withheld()).isEqualTo(Withheld.TOO_FEW);
        assertThat(peers.group(subject.roundId(), kochi).size()).isZero();
        assertThat(peers.recommended(subject.roundId()).size()).isEqualTo(
                recommendedBefore < PeerService.RECOMMENDED_PEERS ? recommendedBefore - 1 : PeerService.RECOMMENDED_PEERS);
        // and the withdrawn facility sees nothing itself
        Fixtures.as(others.get(0).editor());
        assertThat(peers.defaultGroup(others.get(0).roundId()).withheld()).isEqualTo(Withheld.NO_CONSENT);
    }

    @Test
    void aConsentGivenAfterASubmissionCountsThatSubmission() {
        Peer late = clinic("徳島県", AreaType.METROPOLITAN, 3, false);
        Fixtures.as(late.editor());
        assertThat(peers.consent(late.facilityId()).consenting()).isFalse();
        assertThat(peers.consent(late.facilityId()).changedAt()).isNull();
        var consent = peers.setConsent(late.facilityId(), true);
        assertThat(consent.consenting()).isTrue();
        assertThat(consent.changedBy()).isEqualTo(late.editor());
        assertThat(consent.canChange()).isTrue();
        assertThat(repository.consentingIds()).contains(late.facilityId());
        PeerComparison c = peers.defaultGroup(late.roundId());
        assertThat(c.withheld()).isEqualTo(Withheld.TOO_FEW); // alone in its group: counted, but below the threshold
        peers.setConsent(late.facilityId(), true); // no change: no second event
        peers.setConsent(late.facilityId(), false);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE facility_id = :id AND action LIKE 'PEER_%' ORDER BY id")
                .param("id", late.facilityId()).query((rs, n) -> rs.getString("action")).list())
                .containsExactly("PEER_CONSENT_GIVEN", "PEER_CONSENT_WITHDRAWN");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE facility_id = :id AND action = 'PEER_CONSENT_GIVEN'")
                .param("id", late.facilityId()).query((rs, n) -> rs.getString("actor")).single()).isEqualTo(late.editor());
        assertThat(c.group()).isEqualTo(peers.defaultGroupOf(late.roundId()));
    }

    @Test
    void accessIsTheRoundsAndConsentIsTheEditors() {
        Peer mine = clinic("愛媛県", AreaType.REGIONAL_CITY, 1, true);
        Peer theirs = clinic("愛媛県", AreaType.REGIONAL_CITY, 1, true);
        Fixtures.as(mine.editor());
        assertThatThrownBy(() -> peers.defaultGroup(theirs.roundId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> peers.recommended(theirs.roundId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> peers.consent(theirs.facilityId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> peers.setConsent(theirs.facilityId(), false)).isInstanceOf(NotFoundException.class);

        FacilityProfile profile = facilitiesAsAdmin(mine.facilityId());
        String viewer = fixtures.member(profile, MemberRole.VIEWER);
        Fixtures.as(viewer);
        assertThat(peers.consent(mine.facilityId()).canChange()).isFalse();
        assertThat(peers.defaultGroup(mine.roundId()).kind()).isEqualTo(PeerComparison.Kind.DEFAULT);
        assertThatThrownBy(() -> peers.setConsent(mine.facilityId(), false)).isInstanceOf(AccessDeniedException.class);

        // a group that breaks the rules is refused with its keys
        Fixtures.as(mine.editor());
        assertThatThrownBy(() -> peers.group(mine.roundId(), new PeerGroup(FacilityKind.ASSOCIATION, null, null, null,
                null, Set.of()))).isInstanceOf(InvalidInputException.class);

        // associations are not compared and have no such consent
        FacilityProfile association = fixtures.facility(FacilityKind.ASSOCIATION);
        fixtures.member(association, MemberRole.EDITOR);
        assertThatThrownBy(() -> peers.setConsent(association.id(), true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void twoIndexesOverOneDatabaseFollowEveryChange() {
        Peer a = clinic("沖縄県", AreaType.RURAL, 2, true);
        PeerIndex one = new PeerIndex(repository);
        PeerIndex two = new PeerIndex(repository);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
        assertThat(contains(tx, one, a.facilityId())).isTrue();
        assertThat(contains(tx, two, a.facilityId())).isTrue();
        long loaded = one.loaded();

        // withdrawn through the application (its own index): both others see it at their next read
        Fixtures.as(a.editor());
        peers.setConsent(a.facilityId(), false);
        assertThat(contains(tx, one, a.facilityId())).isFalse();
        assertThat(contains(tx, two, a.facilityId())).isFalse();
        assertThat(one.loaded()).isGreaterThan(loaded);

        // a new submission of a consenting facility is picked up with its levels
        Peer b = clinic("沖縄県", AreaType.RURAL, 3, true);
        Fixtures.as(a.editor());
        peers.setConsent(a.facilityId(), true);
        Fixtures.as(b.editor());
        assertThat(contains(tx, one, b.facilityId())).isTrue();
        assertThat(contains(tx, two, a.facilityId()) && contains(tx, two, b.facilityId())).isTrue();
        assertThat(size(tx, one)).isEqualTo(size(tx, two));
    }

    private static boolean contains(TransactionTemplate tx, PeerIndex index, long facilityId) {
        Boolean result = tx.execute(s -> index.read(t -> t.contains(facilityId)));
        return Boolean.TRUE.equals(result);
    }

    private static int size(TransactionTemplate tx, PeerIndex index) {
        Integer result = tx.execute(s -> index.read(t -> t.size()));
        return result == null ? -1 : result;
    }

    private FacilityProfile facilitiesAsAdmin(long id) {
        Fixtures.asAdmin();
        return facilities.get(id);
    }

    /** A clinic with an editor (the context is left as the editor), a submitted round at one level, and a consent. */
    private Peer clinic(String prefecture, AreaType area, int level, boolean consent, Designation... designations) {
        Fixtures.asAdmin();
        FacilityProfile profile = facilities.create(new FacilityProfile(null, 0, "比較 " + UUID.randomUUID(),
                FacilityKind.CLINIC, prefecture, "市", area, null, null, null, 2, 1, Set.of(designations)));
        String editor = fixtures.member(profile, MemberRole.EDITOR);
        if (consent) {
            peers.setConsent(profile.id(), true);
        }
        long round = fixtures.submitRound(profile.id(), (RoleCode r) -> level, r -> false);
        return new Peer(profile.id(), round, editor);
    }
}
