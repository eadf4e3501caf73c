package jp.kakaritsuke.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationRoundService;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every name a person or organisation is known by, and every free text that reaches the CSV and Excel exports, is
 * checked in its service with base.TextRules: NUL, right-to-left override and formula starts are refused with a key
 * that names the field; ordinary Japanese names pass.
 */
@SpringBootTest
class NameRulesTest {

    static final String NUL = "柏\u0000クリニック";
    static final String RLO = "柏\u202Eクリニック";
    static final String FORMULA = "-HYPERLINK(\"http://evil.example\",\"連絡\")";

    @Autowired
    Fixtures fixtures;

    @Autowired
    FacilityService facilities;

    @Autowired
    InvitationService invitations;

    @Autowired
    AssociationAdminService associations;

    @Autowired
    AssociationStaffService staff;

    @Autowired
    AssociationRoundService rounds;

    @Autowired
    UserAccountService accounts;

    @BeforeEach
    void admin() {
        Fixtures.asAdmin();
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    static FacilityProfile clinic(String name, String municipality) {
        return new FacilityProfile(null, 0, name, FacilityKind.CLINIC, "千葉県", municipality, null, null, null, null, null,
                null, Set.of());
    }

    static List<String> keys(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.messageKeys();
        } catch (UserAccountService.AccountException e) {
            return List.of(e.getMessage());
        }
        throw new AssertionError("accepted");
    }

    @Test
    void facilityNamesAndMunicipalities() {
        assertThat(keys(() -> facilities.create(clinic(NUL, "柏市")))).containsExactly("facility.error.nameInvisible");
        assertThat(keys(() -> facilities.create(clinic(RLO, "柏市")))).containsExactly("facility.error.nameInvisible");
        assertThat(keys(() -> facilities.create(clinic(FORMULA, "柏市")))).containsExactly("facility.error.nameFormula");
        assertThat(keys(() -> facilities.create(clinic("柏クリニック", "=1+1")))).containsExactly("facility.error.municipalityFormula");
        assertThat(keys(() -> facilities.create(clinic("柏クリニック", "柏\u2066市")))).containsExactly("facility.error.municipalityInvisible");
        FacilityProfile ok = facilities.create(clinic("髙橋クリニック 𠮷", "柏市"));
        // an edit is held to the same rule
        assertThat(keys(() -> facilities.updateProfile(new FacilityProfile(ok.id(), ok.version(), "@" + ok.name(), ok.type(),
                ok.prefecture(), ok.municipality(), null, null, null, null, null, null, Set.of()))))
                .containsExactly("facility.error.nameFormula");
    }

    @Test
    void associationAndRoundNames() {
        assertThat(keys(() -> associations.create("千葉\u202E医師会", AssociationLevel.PREFECTURAL, "千葉県", null)))
                .containsExactly("association.error.nameInvisible");
        assertThat(keys(() -> associations.create("+千葉県医師会", AssociationLevel.PREFECTURAL, "千葉県", null)))
                .containsExactly("association.error.nameFormula");
        long pref = associations.create("千葉県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        assertThat(keys(() -> rounds.open(pref, "=2026年度", LocalDate.now().plusDays(30))))
                .containsExactly("associationRound.error.nameFormula");
        assertThat(keys(() -> rounds.open(pref, "2026\u0000年度", LocalDate.now().plusDays(30))))
                .containsExactly("associationRound.error.nameInvisible");
        assertThat(keys(() -> staff.invite(pref, "山田\u202E太郎"))).containsExactly("invitation.error.nameInvisible");
        assertThat(keys(() -> staff.invite(pref, FORMULA))).containsExactly("invitation.error.nameFormula");
    }

    @Test
    void inviteesAndUsers() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        assertThat(keys(() -> invitations.invite(clinic.id(), MemberRole.EDITOR, "-2+3+cmd|' /C calc'!A0")))
                .containsExactly("invitation.error.nameFormula");
        assertThat(keys(() -> invitations.invite(clinic.id(), MemberRole.EDITOR, "山田\u0000太郎")))
                .containsExactly("invitation.error.nameInvisible");
        String code = invitations.invite(clinic.id(), MemberRole.EDITOR, "山田 太郎").code();
        Fixtures.anonymous();
        assertThat(keys(() -> invitations.accept(code, "yamada.rlo" + System.nanoTime() % 100000, "山田\u202E太郎", Fixtures.mail("yamada.rlo" + System.nanoTime() % 100000), Fixtures.PASSWORD)))
                .containsExactly("account.error.displayNameInvisible");
        assertThat(keys(() -> accounts.createUser("nul.user" + System.nanoTime() % 100000, "＝山田", "nul.user@example.jp", Fixtures.PASSWORD)))
                .containsExactly("account.error.displayNameFormula");
        // the code was not used up by the refusals
        invitations.accept(code, "yamada.ok" + System.nanoTime() % 100000, "山田 太郎", Fixtures.mail("yamada.ok" + System.nanoTime() % 100000), Fixtures.PASSWORD);
    }
}
