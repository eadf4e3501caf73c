package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.AssessmentService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityType;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The questionnaire screen without a browser: autosave, conflicts, review and submit, read-only for viewers. */
@SpringBootTest
class QuestionnaireViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    FacilityProfile clinic;
    String editor;
    RoundView round;

    @BeforeEach
    void setUp() {
        clinic = fixtures.facility(FacilityType.CLINIC);
        editor = fixtures.member(clinic, MemberRole.EDITOR);
        round = assessments.startRound(clinic.id());
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void choosingALevelSavesAtOnceAndMovesTheProgress() {
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(4);
        RoleEditor homeCare = view.editors.get("HOME_CARE");
        test(homeCare.level).selectItem(homeCare.level.getItemLabelGenerator().apply(3));
        assertThat(assessments.round(round.summary().id()).answer("HOME_CARE").level()).isEqualTo(3);
        assertThat(homeCare.status.getText()).startsWith("保存しました");
        assertThat(view.progressText.getText()).isEqualTo("1 / 14 役割 回答済み");

        test(homeCare.priority).click();
        test(homeCare.note).setValue("副主治医制を検討中");
        var saved = assessments.round(round.summary().id()).answer("HOME_CARE");
        assertThat(saved.priority()).isTrue();
        assertThat(saved.note()).isEqualTo("副主治医制を検討中");
    }

    @Test
    void whenSomeoneElseSavedFirstTheEditorSeesBothAndNothingIsLost() {
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(4);
        RoleEditor homeCare = view.editors.get("HOME_CARE");
        // a colleague saves the same role behind this screen's back
        assessments.saveRoleAnswer(round.summary().id(), "HOME_CARE", round.answer("HOME_CARE").version(),
                new RoleAnswerInput(1, false, "同僚の入力", Map.of()));

        test(homeCare.level).selectItem(homeCare.level.getItemLabelGenerator().apply(4));
        Dialog dialog = find(Dialog.class).single();
        assertThat(find(Paragraph.class, dialog).withClassName("conflict-mine").single().getText()).contains("4 地域の");
        assertThat(assessments.round(round.summary().id()).answer("HOME_CARE").level()).isEqualTo(1);

        // keep mine: saved on top of the colleague's version, knowingly
        test(find(Button.class, dialog).withText("自分の入力で上書きする").single()).click();
        assertThat(assessments.round(round.summary().id()).answer("HOME_CARE").level()).isEqualTo(4);
    }

    @Test
    void numbersOutOfRangeAreFlaggedAndNotSaved() {
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(4);
        RoleEditor homeCare = view.editors.get("HOME_CARE");
        var numberCode = homeCare.question.indicators().stream().filter(i -> i.type().name().equals("NUMBER")).findFirst().orElseThrow();
        var field = (com.vaadin.flow.component.textfield.BigDecimalField) homeCare.indicators.get(numberCode.code());
        field.setValue(java.math.BigDecimal.valueOf(numberCode.max() + 1L));
        view.save(homeCare);
        assertThat(field.isInvalid()).isTrue();
        assertThat(assessments.round(round.summary().id()).answer("HOME_CARE").indicators()).isEmpty();
    }

    @Test
    void reviewListsMissingRolesAndSubmitsWhenComplete() {
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(view.reviewStep());
        assertThat(view.submit.isEnabled()).isFalse();
        for (var answer : round.answers()) {
            assessments.saveRoleAnswer(round.summary().id(), answer.roleCode(), answer.version(),
                    new RoleAnswerInput(2, false, null, Map.of()));
        }
        view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(view.reviewStep());
        assertThat(view.submit.isEnabled()).isTrue();
        view.doSubmit();
        assertThat(assessments.round(round.summary().id()).summary().status()).isEqualTo(RoundStatus.SUBMITTED);
        assertThat(getCurrentView()).isInstanceOf(RoleProfileView.class);
        RoleProfileView profile = (RoleProfileView) getCurrentView();
        assertThat(profile.chart.getSeries()).hasSize(1);
        assertThat(profile.chart.getAxes()).hasSize(14);
    }

    @Test
    void viewersSeeTheRoundReadOnly() {
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.as(viewer);
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(4);
        assertThat(view.editors.get("HOME_CARE").level.isReadOnly()).isTrue();
        view.showStep(view.reviewStep());
        assertThat(view.submit).isNull();
    }
}
