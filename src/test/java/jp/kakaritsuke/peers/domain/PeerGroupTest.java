package jp.kakaritsuke.peers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.facility.domain.Designation;
import org.junit.jupiter.api.Test;

class PeerGroupTest {

    @Test
    void theRulesNameTheKeysAndFields() {
        assertThat(new PeerGroup(FacilityKind.CLINIC, BedBand.CLINIC_WITH_BEDS, AreaType.RURAL, null, "高知県",
                Set.of(Designation.HOME_CARE_SUPPORT_CLINIC)).validate()).isEmpty();
        assertThat(new PeerGroup(FacilityKind.ASSOCIATION, null, null, null, null, Set.of()).validate())
                .containsExactly("peers.group.error.notComparable");
        PeerGroup bad = new PeerGroup(FacilityKind.CLINIC, BedBand.HOSPITAL_400_PLUS, null, Region.KANTO, "どこか県",
                Set.of(Designation.REGIONAL_MEDICAL_SUPPORT_HOSPITAL));
        assertThat(bad.validate()).containsExactly("peers.group.error.bedBand", "peers.group.error.prefecture",
                "peers.group.error.regionAndPrefecture", "peers.group.error.designation");
        assertThat(bad.invalidFields()).containsExactly("bedBand", "prefecture", "region", "designation");
        assertThatThrownBy(bad::requireValid).isInstanceOf(InvalidInputException.class);
        assertThat(new PeerGroup(FacilityKind.HOSPITAL, null, null, null, null,
                Set.of(Designation.HOME_CARE_SUPPORT_CLINIC)).invalidFields()).containsExactly("designation");
    }

    @Test
    void theDefaultGroupIsKindBandForHospitalsAreaAndRegion() {
        PeerGroup hospital = PeerGroup.defaultOf(new PeerAttributes(FacilityKind.HOSPITAL, 250, AreaType.METROPOLITAN,
                "大阪府", Set.of(Designation.COMMUNITY_CARE_WARD)));
        assertThat(hospital).isEqualTo(new PeerGroup(FacilityKind.HOSPITAL, BedBand.HOSPITAL_200_399,
                AreaType.METROPOLITAN, Region.KINKI, null, Set.of()));
        PeerGroup clinic = PeerGroup.defaultOf(new PeerAttributes(FacilityKind.CLINIC, 0, null, "北海道", Set.of()));
        assertThat(clinic).isEqualTo(new PeerGroup(FacilityKind.CLINIC, null, null, Region.HOKKAIDO, null, Set.of()));
        assertThat(clinic.validate()).isEmpty();
    }

    @Test
    void aGroupIsDescribedByWhatDefinesItInOneOrderWithTheLanguagesSeparator() {
        PeerGroup g = new PeerGroup(FacilityKind.CLINIC, BedBand.CLINIC_WITH_BEDS, AreaType.RURAL, null, "高知県",
                Set.of(Designation.HOME_CARE_SUPPORT_CLINIC_ENHANCED, Designation.HOME_CARE_SUPPORT_CLINIC));
        assertThat(g.describe(key -> key.equals("peers.group.separator") ? " / " : "<" + key + ">")).isEqualTo(
                "<facilityType.CLINIC> / <peers.bedBand.CLINIC_WITH_BEDS> / <areaType.RURAL> / 高知県"
                        + " / <designation.HOME_CARE_SUPPORT_CLINIC> / <designation.HOME_CARE_SUPPORT_CLINIC_ENHANCED>");
        assertThat(new PeerGroup(FacilityKind.HOSPITAL, null, null, Region.KINKI, null, Set.of()).describe(key -> key))
                .isEqualTo("facilityType.HOSPITALpeers.group.separatorregion.KINKI");
    }
}
