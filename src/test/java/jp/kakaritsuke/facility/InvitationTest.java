package jp.kakaritsuke.facility;

import jp.kakaritsuke.base.NotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Facilities, members and invitations: who may do what, one-time codes, profile validation and locking. */
@SpringBootTest
class InvitationTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    FacilityService facilities;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void anInvitationCodeWorksOnceAndCreatesAMember() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String code = invitations.invite(clinic.id(), MemberRole.EDITOR, "山田 太郎").code();
        Fixtures.anonymous();
        assertThat(invitations.lookup(code.toLowerCase())).get().satisfies(p -> {
            assertThat(p.facilityName()).isEqualTo(clinic.name());
            assertThat(p.role()).isEqualTo(MemberRole.EDITOR);
        });
        invitations.accept(code, "yamada.taro", "山田 太郎", Fixtures.mail("yamada.taro"), Fixtures.PASSWORD);
        assertThatThrownBy(() -> invitations.accept(code, "someone.else", "誰か", Fixtures.mail("someone.else"), Fixtures.PASSWORD))
                .isInstanceOf(UserAccountService.AccountException.class).hasMessage("invitation.error.invalid");
        assertThat(invitations.lookup(code)).isEmpty();
        Fixtures.as("yamada.taro");
        assertThat(facilities.visibleFacilities()).extracting(FacilityProfile::id).containsExactly(clinic.id());
    }

    @Test
    void weakPasswordsTakenNamesAndUnknownCodesAreRefusedClearly() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String code = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事").code();
        assertThatThrownBy(() -> invitations.accept(code, "board.member", "理事", Fixtures.mail("board.member"), "short"))
                .hasMessage("account.error.password");
        assertThatThrownBy(() -> invitations.accept(code, "admin", "理事", Fixtures.mail("admin"), Fixtures.PASSWORD))
                .hasMessage("account.error.taken");
        assertThatThrownBy(() -> invitations.accept(code, "Bad Name!", "理事", Fixtures.mail("Bad Name!"), Fixtures.PASSWORD))
                .hasMessage("account.error.username");
        assertThatThrownBy(() -> invitations.accept("NOPE-NOPE-NOPE-NOPE", "x.y.z", "理事", Fixtures.mail("x.y.z"), Fixtures.PASSWORD))
                .hasMessage("invitation.error.invalid");
        // the code survived the refused attempts
        invitations.accept(code, "board.member", "理事", Fixtures.mail("board.member"), Fixtures.PASSWORD);
    }

    @Test
    void editorsInviteEditorsAndViewersAndViewersInviteNobody() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        assertThat(invitations.invite(clinic.id(), MemberRole.VIEWER, "理事長").code()).hasSize(19);
        // issue 13: editors manage their own facility's people, editors included
        assertThat(invitations.invite(clinic.id(), MemberRole.EDITOR, "別の編集者").code()).hasSize(19);
        fixtures.member(clinic, MemberRole.VIEWER);
        assertThatThrownBy(() -> invitations.invite(clinic.id(), MemberRole.VIEWER, "x")).isInstanceOf(AccessDeniedException.class);
        FacilityProfile other = fixtures.facility(FacilityKind.HOSPITAL);
        fixtures.member(clinic, MemberRole.EDITOR);
        // another facility is answered as if it did not exist (issue 10)
        assertThatThrownBy(() -> invitations.invite(other.id(), MemberRole.VIEWER, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> facilities.get(other.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAdministratorsCreateFacilities() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        assertThatThrownBy(() -> facilities.create(clinic)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void profileUpdatesAreValidatedAndOptimisticallyLocked() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        FacilityProfile tooManyBeds = new FacilityProfile(clinic.id(), clinic.version(), clinic.name(), FacilityKind.CLINIC,
                "千葉県", "柏市", null, 20, null, null, 1, 0, java.util.Set.of());
        assertThatThrownBy(() -> facilities.updateProfile(tooManyBeds))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).contains("facility.error.clinicBeds"));
        FacilityProfile badPrefecture = new FacilityProfile(clinic.id(), clinic.version(), clinic.name(), FacilityKind.CLINIC,
                "東京", null, null, null, null, null, 1, 0, java.util.Set.of());
        assertThatThrownBy(() -> facilities.updateProfile(badPrefecture))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).contains("facility.error.prefecture"));

        FacilityProfile renamed = new FacilityProfile(clinic.id(), clinic.version(), clinic.name() + " 改", FacilityKind.CLINIC,
                "千葉県", "柏市", null, 19, null, null, 1, 0, java.util.Set.of());
        FacilityProfile saved = facilities.updateProfile(renamed);
        assertThat(saved.version()).isGreaterThan(clinic.version());
        assertThatThrownBy(() -> facilities.updateProfile(renamed)).isInstanceOf(OptimisticLockingFailureException.class);
    }
}
