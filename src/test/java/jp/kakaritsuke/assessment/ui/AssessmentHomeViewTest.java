package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The start button promises carried-over answers only where there is a submission to carry over. */
@SpringBootTest
class AssessmentHomeViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void aNewClinicStartsItsFirstAssessmentAndALaterOneStartsFromTheLast() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        navigate(AssessmentHomeView.class);
        assertThat(find(Button.class).withText("自己評価を始める").all()).hasSize(1);
        assertThat(find(Button.class).withText("前回の回答を引き継いで始める").all()).isEmpty();

        fixtures.submitRound(clinic.id(), code -> 2, code -> false);
        // elsewhere and back: the router keeps a view instance it is asked to show again
        navigate("", com.vaadin.flow.component.Component.class);
        navigate(AssessmentHomeView.class);
        assertThat(find(Button.class).withText("前回の回答を引き継いで始める").all()).hasSize(1);
        assertThat(find(Button.class).withText("自己評価を始める").all()).isEmpty();
    }
}
