package jp.kakaritsuke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.MyAccountService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** {@code @AnySignedInUser} is Spring Security's {@code @PreAuthorize("isAuthenticated()")}: it refuses anonymous callers. */
@SpringBootTest
class AnySignedInUserTest {

    @Autowired
    MyAccountService myAccount;

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void refusesAnonymousCallersAndLetsAnySignedInUserIn() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.anonymous();
        assertThatThrownBy(() -> myAccount.me()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        Fixtures.as(viewer);
        assertThat(myAccount.me().username()).isEqualTo(viewer);
    }
}
