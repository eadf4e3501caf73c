package jp.kakaritsuke.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import jp.kakaritsuke.facility.domain.FacilityListing;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityDirectory;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What other modules learn about facilities without naming the facility tables (docs/design-decisions/0007): consent,
 * whether someone has joined, the register's facts — the same answer for a few ids (chunks) and for more than the
 * whole-column threshold (one read of the column), and nothing for ids that are no facility.
 */
@SpringBootTest
class FacilityDirectoryTest {

    @Autowired
    FacilityDirectory directory;
    @Autowired
    FacilityService facilities;
    @Autowired
    Fixtures fixtures;

    @AfterEach
    void clear() {
        Fixtures.anonymous();
    }

    @Test
    void answersAlikeForFewAndManyIds() {
        FacilityProfile consenting = fixtures.facility(FacilityKind.CLINIC);
        FacilityProfile joined = fixtures.facility(FacilityKind.CLINIC);
        FacilityProfile empty = fixtures.facility(FacilityKind.HOSPITAL);
        fixtures.member(joined, MemberRole.VIEWER);
        fixtures.member(consenting, MemberRole.EDITOR); // leaves the context as this editor
        facilities.setConsent(consenting.id(), true);
        Fixtures.asAdmin();

        List<Long> few = List.of(consenting.id(), joined.id(), empty.id(), -1L);
        List<Long> many = new ArrayList<>(few);
        LongStream.rangeClosed(1, 6_000).forEach(i -> many.add(-1_000_000L - i)); // no such facilities
        for (List<Long> ids : List.of(few, many)) {
            assertThat(directory.consenting(ids)).containsExactly(consenting.id());
            assertThat(directory.withoutMembers(ids)).contains(empty.id()).doesNotContain(joined.id(), consenting.id());
            var listings = directory.listings(ids);
            assertThat(listings.keySet()).containsExactlyInAnyOrder(consenting.id(), joined.id(), empty.id());
            FacilityListing listing = listings.get(consenting.id());
            assertThat(listing.name()).isEqualTo(consenting.name());
            assertThat(listing.municipality()).isEqualTo("柏市");
            assertThat(listings.get(empty.id()).type()).isEqualTo(FacilityKind.HOSPITAL);
            assertThat(listing.consenting()).isTrue();
            assertThat(listing.hasMembers()).isTrue();
            assertThat(listings.get(empty.id()).hasMembers()).isFalse();
            assertThat(listings.get(empty.id()).consenting()).isFalse();
        }
        assertThat(directory.consenting(Set.of())).isEmpty();
        assertThat(directory.listings(List.of())).isEmpty();
    }
}
