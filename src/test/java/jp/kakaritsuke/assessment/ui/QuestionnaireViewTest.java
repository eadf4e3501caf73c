package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The questionnaire screen without a browser: autosave, typed numbers (full-width digits saved, an out-of-range value
 * kept and flagged), 次へ's warning, the review's list of open items with links, conflicts, submit, reassessment with
 * 「変更なし」, read-only for viewers.
 */
@SpringBootTest
class QuestionnaireViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    FacilityProfile clinic;
    String editor;
    RoundView round;

    @BeforeEach
    void setUp() {
        clinic = fixtures.facility(FacilityKind.CLINIC);
        editor = fixtures.member(clinic, MemberRole.EDITOR);
        round = rounds.startRound(clinic.id());
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    private QuestionnaireView open(RoleCode roleCode) {
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(view.stepOf(roleCode));
        return view;
    }

    private static Indicator numberIndicator(RoleEditor editor) {
        return editor.question.indicators().stream().filter(i -> i.type() == AnswerType.NUMBER).findFirst().orElseThrow();
    }

    @Test
    void choosingALevelSavesAtOnceAndMovesTheProgress() {
        QuestionnaireView view = open(RoleCode.HOME_CARE);
        RoleEditor homeCare = view.editors.get(RoleCode.HOME_CARE);
        test(homeCare.level).selectItem(homeCare.level.getItemLabelGenerator().apply(3));
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE).level()).isEqualTo(3);
        assertThat(homeCare.status.getText()).startsWith("保存しました");
        assertThat(view.progressText.getText()).isEqualTo("1 / 14 役割 回答済み");

        test(homeCare.priority).click();
        test(homeCare.note).setValue("副主治医制を検討中");
        var saved = rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE);
        assertThat(saved.priority()).isTrue();
        assertThat(saved.note()).isEqualTo("副主治医制を検討中");
    }

    @Test
    void fullWidthDigitsAreSavedAsNumbersAndShownPlainly() {
        QuestionnaireView view = open(RoleCode.HOME_CARE);
        RoleEditor homeCare = view.editors.get(RoleCode.HOME_CARE);
        Indicator count = numberIndicator(homeCare);
        TextField field = (TextField) homeCare.indicators.get(count.code());
        test(field).setValue("１２");
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE).indicators().get(count.code()).number())
                .isEqualByComparingTo(BigDecimal.valueOf(12));
        assertThat(field.getValue()).isEqualTo("12");
        assertThat(field.isInvalid()).isFalse();
        assertThat(homeCare.status.getText()).startsWith("保存しました");

        // a stored 3.00 reads 3, not 3.00
        test(field).setValue("3.00");
        view = open(RoleCode.HOME_CARE);
        assertThat(((TextField) view.editors.get(RoleCode.HOME_CARE).indicators.get(count.code())).getValue()).isEqualTo("3");
    }

    @Test
    void anOutOfRangeValueStaysInItsFieldFlaggedNotSavedAndListedOnTheReview() {
        QuestionnaireView view = open(RoleCode.HOME_CARE);
        RoleEditor homeCare = view.editors.get(RoleCode.HOME_CARE);
        test(homeCare.level).selectItem(homeCare.level.getItemLabelGenerator().apply(2));
        Indicator count = numberIndicator(homeCare);
        TextField field = (TextField) homeCare.indicators.get(count.code());
        test(field).setValue("5000");

        assertThat(field.getValue()).isEqualTo("5000");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains(count.min() + "〜" + String.format("%,d", count.max()));
        assertThat(homeCare.status.getText()).isEqualTo("保存されていません");
        assertThat(homeCare.status.getClassNames()).contains("not-saved");
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE).indicators().get(count.code())).isNull();
        assertThat(homeCare.details.isOpened()).isTrue();

        // 次へ warns, names the field, and still lets the user go on
        int step = view.stepOf(RoleCode.HOME_CARE);
        view.next();
        Dialog warning = find(Dialog.class).single();
        assertThat(find(Paragraph.class, warning).all().stream().map(Paragraph::getText))
                .anyMatch(t -> t.contains("在宅医療") && t.contains(count.labelJa()));
        test(find(Button.class, warning).withText("このまま次へ").single()).click();
        assertThat(view.stepNav.getChildren().count()).isGreaterThan(step);

        // the review lists it as a link that opens the role's card, with the typed text still there
        view.showStep(view.reviewStep());
        List<Button> links = find(Button.class, view.problems).withClassName("review-link").all();
        Button link = links.stream().filter(b -> b.getText().contains(count.labelJa())).findFirst().orElseThrow();
        test(link).click();
        assertThat(view.content.getChildren().anyMatch(c -> c == view.editors.get(RoleCode.HOME_CARE))).isTrue();
        assertThat(((TextField) view.editors.get(RoleCode.HOME_CARE).indicators.get(count.code())).getValue()).isEqualTo("5000");
    }

    @Test
    void textThatIsNoNumberIsKeptAndFlagged() {
        QuestionnaireView view = open(RoleCode.HOME_CARE);
        RoleEditor homeCare = view.editors.get(RoleCode.HOME_CARE);
        TextField field = (TextField) homeCare.indicators.get(numberIndicator(homeCare).code());
        test(field).setValue("十二");
        assertThat(field.getValue()).isEqualTo("十二");
        assertThat(field.isInvalid()).isTrue();
        assertThat(homeCare.hasUnsavedInput()).isTrue();
    }

    @Test
    void theReviewListsUnansweredRolesAsLinksAndSubmitsWhenComplete() {
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(view.reviewStep());
        assertThat(view.submit.isEnabled()).isFalse();
        List<Button> links = find(Button.class, view.problems).withClassName("review-link").all();
        assertThat(links).hasSize(14);
        assertThat(links).extracting(Button::getText).contains("診診連携: レベルが未回答です", "在宅医療: レベルが未回答です");
        // 前へ stands beside 提出する, not under it
        assertThat(view.submit.getParent().orElseThrow().getChildren().map(c -> c instanceof Button b ? b.getText() : ""))
                .containsExactly("前へ", "提出する");
        test(links.stream().filter(b -> b.getText().startsWith("在宅医療")).findFirst().orElseThrow()).click();
        assertThat(view.content.getChildren().anyMatch(c -> c instanceof RoleEditor e && e.roleCode == RoleCode.HOME_CARE)).isTrue();

        for (var answer : round.answers()) {
            rounds.saveRoleAnswer(round.summary().id(), answer.roleCode(), answer.version(),
                    new RoleAnswerInput(2, false, null, Map.of()));
        }
        view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(view.reviewStep());
        assertThat(view.submit.isEnabled()).isTrue();
        assertThat(find(Button.class, view.problems).withClassName("review-link").all()).isEmpty();
        view.doSubmit();
        assertThat(rounds.round(round.summary().id()).summary().status()).isEqualTo(RoundStatus.SUBMITTED);
        assertThat(getCurrentView()).isInstanceOf(RoleProfileView.class);
    }

    @Test
    void aReassessmentShowsLastTimesAnswerAndConfirmsItUnchanged() {
        for (var answer : round.answers()) {
            rounds.saveRoleAnswer(round.summary().id(), answer.roleCode(), answer.version(),
                    new RoleAnswerInput(2, answer.roleCode() == RoleCode.HOME_CARE, null, Map.of()));
        }
        submissions.submit(round.summary().id());
        round = rounds.startRound(clinic.id());
        QuestionnaireView view = open(RoleCode.HOME_CARE);
        RoleEditor homeCare = view.editors.get(RoleCode.HOME_CARE);
        assertThat(homeCare.getClassNames()).contains("unconfirmed");
        assertThat(homeCare.previousBox.isVisible()).isTrue();
        assertThat(find(com.vaadin.flow.component.html.Span.class, homeCare.previousBox).withClassName("previous-text").single().getText())
                .isEqualTo("前回: レベル 2・重点");
        test(homeCare.unchanged).click();
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE).confirmed()).isTrue();
        assertThat(homeCare.getClassNames()).doesNotContain("unconfirmed");

        // a change confirms too, and the review lists it under 前回からの変更
        RoleEditor endOfLife = view.editors.get(RoleCode.END_OF_LIFE);
        test(endOfLife.level).selectItem(endOfLife.level.getItemLabelGenerator().apply(3));
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.END_OF_LIFE).confirmed()).isTrue();
        view.showStep(view.reviewStep());
        assertThat(find(Paragraph.class, view.content).withClassName("review-change").all().stream().map(Paragraph::getText))
                .containsExactly("看取り・実施レベル: 2 → 3");
        assertThat(find(Button.class, view.problems).withClassName("review-link").all()).hasSize(12)
                .allMatch(b -> b.getText().endsWith("前回の回答をまだ確認していません"));
        assertThat(view.submit.isEnabled()).isFalse();
        assertThat(view.followUp.getParent()).isPresent();
    }

    @Test
    void theReviewSummarisesTheBasicsAndChangesThemInADialog() {
        QuestionnaireView view = navigate(QuestionnaireView.class, round.summary().id());
        view.showStep(view.reviewStep());
        assertThat(find(Paragraph.class, view.content).withClassName("basics-summary").single().getText())
                .startsWith(clinic.name() + " · 診療所 · 千葉県 柏市");
        test(find(Button.class, view.content).withText("変更").single()).click();
        Dialog dialog = find(Dialog.class).single();
        assertThat(find(jp.kakaritsuke.facility.ui.FacilityForm.class, dialog).all()).hasSize(1);
        assertThat(view.basics).isNotNull();
    }

    @Test
    void whenSomeoneElseSavedFirstTheEditorSeesBothAndNothingIsLost() {
        QuestionnaireView view = open(RoleCode.HOME_CARE);
        RoleEditor homeCare = view.editors.get(RoleCode.HOME_CARE);
        // a colleague saves the same role behind this screen's back
        rounds.saveRoleAnswer(round.summary().id(), RoleCode.HOME_CARE, round.answer(RoleCode.HOME_CARE).version(),
                new RoleAnswerInput(1, false, "同僚の入力", Map.of()));

        test(homeCare.level).selectItem(homeCare.level.getItemLabelGenerator().apply(4));
        Dialog dialog = find(Dialog.class).single();
        assertThat(find(Paragraph.class, dialog).withClassName("conflict-mine").single().getText()).contains("4 地域の");
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE).level()).isEqualTo(1);

        // keep mine: saved on top of the colleague's version, knowingly
        test(find(Button.class, dialog).withText("自分の入力で上書きする").single()).click();
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.HOME_CARE).level()).isEqualTo(4);
    }

    @Test
    void viewersSeeTheRoundReadOnly() {
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.as(viewer);
        QuestionnaireView view = open(RoleCode.HOME_CARE);
        assertThat(view.editors.get(RoleCode.HOME_CARE).level.isReadOnly()).isTrue();
        view.showStep(view.reviewStep());
        assertThat(view.submit).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClinicAnswersTheReportsRotaItemOnItsEightBandsAndAnAssociationIsNotAskedIt() {
        QuestionnaireView view = open(RoleCode.OUT_OF_HOURS);
        RoleEditor ooh = view.editors.get(RoleCode.OUT_OF_HOURS);
        var rota = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<jp.kakaritsuke.assessment.domain.Choice>)
                ooh.indicators.get("OUT_OF_HOURS.rota");
        assertThat(rota.getListDataView().getItems().map(c -> rota.getItemLabelGenerator().apply(c)).toList())
                .containsExactly("0:無し(意向無し)", "1:無し(意向有り)", "2:有り(月1回未満)", "3:有り(月1回)", "4:有り(月2~3回)",
                        "5:有り(月4~5回)", "6:有り(月6~9回)", "7:有り(月10回以上)");
        assertThat(rota.getThemeNames()).contains("vertical");
        String refs = ooh.getElement().getTextRecursively();
        assertThat(refs).contains("かかりつけ医機能報告と同じ質問: 在宅当番医制への参加", "対象期間: 前年1月1日〜12月31日");
        // the card says which function of the report the role relates to, as this service's mapping
        assertThat(ooh.help.getElement().getTextRecursively()).contains("この役割は報告の", "（イ）", "当サービスによる対応付け");
        test(rota).selectItem("3:有り(月1回)");
        assertThat(rounds.round(round.summary().id()).answer(RoleCode.OUT_OF_HOURS).indicators().get("OUT_OF_HOURS.rota").choice())
                .isEqualTo(jp.kakaritsuke.assessment.domain.Choice.FREQ_1);
        assertThat(ooh.indicators).containsKey("OUT_OF_HOURS.out_of_hours_fee").doesNotContainKey("OUT_OF_HOURS.member_duty_shifts");

        FacilityProfile association = fixtures.facility(FacilityKind.ASSOCIATION);
        fixtures.member(association, MemberRole.EDITOR);
        round = rounds.startRound(association.id());
        RoleEditor theirs = open(RoleCode.OUT_OF_HOURS).editors.get(RoleCode.OUT_OF_HOURS);
        assertThat(theirs.indicators).containsKey("OUT_OF_HOURS.member_duty_shifts")
                .doesNotContainKeys("OUT_OF_HOURS.rota", "OUT_OF_HOURS.out_of_hours_fee", "OUT_OF_HOURS.duty_shifts");
        assertThat(theirs.getElement().getTextRecursively()).doesNotContain("かかりつけ医機能報告と同じ質問");
    }
}
