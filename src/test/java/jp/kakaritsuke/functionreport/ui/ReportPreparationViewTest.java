package jp.kakaritsuke.functionreport.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.service.PreparationWorkbookService;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The 報告準備 page without a browser, against a stand-in service ({@link PreparationFake}): the report's order and
 * numbering, periods with dates, the markers, the exclusive choice, autosave with typed numbers, refusals kept in the
 * field, a conflict that keeps what was typed, 「変更なし」, items that depend on another, submit and reopen, and what
 * associations, viewers and not-yet-started facilities see.
 */
@SpringBootTest
class ReportPreparationViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @MockitoBean
    ReportPreparationService preparations;

    @MockitoBean
    ReportEditionService editions;

    @MockitoBean
    PreparationWorkbookService workbooks;

    PreparationFake fake;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    private FacilityProfile clinic(MemberRole role) {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fake = PreparationFake.wire(preparations, editions, clinic.id(), clinic.name(), role == MemberRole.EDITOR);
        fixtures.member(clinic, role);
        return clinic;
    }

    private ReportPreparationView open() {
        return navigate("report-preparation", ReportPreparationView.class);
    }

    private ReportPreparationView started() {
        fake.start();
        return open();
    }

    private static String texts(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void notStartedTheEditorSeesWhatStartingBringsAndStarts() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = open();
        assertThat(view.view.started()).isFalse();
        assertThat(texts(view)).contains("2027年 かかりつけ医機能報告の準備（2027年1〜3月に報告）")
                // the 2027 items are not out: the page says which are used
                .contains("2027年の報告項目はまだ公表されていません。2026年の報告項目で準備しています")
                .contains("前年の準備がないため").contains("『主治医意見書の作成』");
        assertThat(view.editors).isEmpty();

        test(view.start).click();
        assertThat(view.view.started()).isTrue();
        assertThat(view.editors).isNotEmpty();
    }

    @Test
    void aViewerIsToldThatEditorsStart() {
        clinic(MemberRole.VIEWER);
        ReportPreparationView view = open();
        assertThat(view.start).isNull();
        assertThat(texts(view)).contains("準備を始められるのは医療機関の編集者です");
    }

    @Test
    void itemsComeInTheReportsOrderWithNumbersPeriodsAndMarkers() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        assertThat(view.editors.keySet()).containsExactly("NO1.POSTING", "NO1.GP_SPECIALIST", "NO1.GP_SPECIALIST_FTE",
                "NO1.PRIMARY_CARE_AREAS", "NO2A.ROTA", "NO2A.PARTNERS", "NO2A.AFTER_HOURS_CLAIMS", "NO2A.NOTES",
                "NO2B.REFERRED_OUTPATIENTS", "NO2D.OPINION_LETTER");
        ItemEditor posting = view.editors.get("NO1.POSTING");
        assertThat(texts(posting)).contains("番号未確認", "報告マニュアルで未確認", "★ 1号機能の要件", "未確認の点：番号は報告マニュアルで見つからない");
        assertThat(posting.getId()).contains("item-NO1-POSTING");
        ItemEditor rota = view.editors.get("NO2A.ROTA");
        assertThat(texts(rota)).contains("No.1", "対象期間：前年（2026年1月1日〜2026年12月31日）",
                "この項目は役割『在宅医療』のレベルに関係します（当サービスによる対応付け）", "前年の回答（2026年の準備から）");
        assertThat(rota.single.getItemLabelGenerator().apply(rota.item.choice(2).orElseThrow())).isEqualTo("2: 有り(月1回未満)");
        // the field's accessible name carries the item's number, which is shown beside it, not in its label
        assertThat(rota.single.getAriaLabel()).hasValueSatisfying(l -> assertThat(l).startsWith("No.1 ").contains("在宅当番医制"));
        assertThat(posting.single.getAriaLabel()).hasValueSatisfying(l -> assertThat(l).startsWith("番号未確認 "));
        assertThat(texts(view.editors.get("NO2B.REFERRED_OUTPATIENTS"))).contains("No.11", "対象期間：前年度（2025年4月1日〜2026年3月31日）");
        assertThat(texts(view.editors.get("NO1.GP_SPECIALIST"))).contains("対象時点：報告基準日（2027年1月1日）現在");
        assertThat(texts(view.editors.get("NO2A.AFTER_HOURS_CLAIMS")))
                .contains("G-MISが診療報酬の請求データから入力します。内容を確認してください。", "G-MISの画面で確認");
        ItemEditor letter = view.editors.get("NO2D.OPINION_LETTER");
        assertThat(texts(letter)).contains("自己評価の同じ設問から：自己評価 2026-11-20 提出 / 主治医意見書の作成", "未確認");
        assertThat(letter.unchanged.isAttached()).isTrue();
        assertThat(letter.single.getValue().code()).isEqualTo(2);
        // the 1号 panel names what is missing, as links to the items
        assertThat(texts(view.no1Panel)).contains("1号機能の要件をまだ満たしていません");
        assertThat(find(Button.class, view.no1Panel).withClassName("prep-link").all()).extracting(Button::getText)
                .anyMatch(t -> t.contains("院内掲示による公表") && t.contains("未回答"));
    }

    @Test
    void aChoiceSavesAtOnceAndTheNo1PanelFollows() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        ItemEditor posting = view.editors.get("NO1.POSTING");
        test(posting.single).selectItem("1: 実施している");
        assertThat(fake.answers.get("NO1.POSTING").choices()).containsExactly(1);
        assertThat(posting.savedText.getText()).startsWith("保存しました ");
        ItemEditor areas = view.editors.get("NO1.PRIMARY_CARE_AREAS");
        test(areas.multi).selectItem("1: 皮膚・形成外科領域");
        assertThat(texts(view.no1Panel)).contains("1号機能の要件を満たしています");
    }

    @Test
    void theExclusiveChoiceStandsAlone() {
        ReportChoice none = new ReportChoice(0, "該当無し", null, false, true);
        ReportChoice skin = new ReportChoice(1, "皮膚", null, true, false);
        ReportChoice brain = new ReportChoice(2, "神経", null, true, false);
        assertThat(ItemEditor.exclusiveRule(Set.of(skin, brain), Set.of(skin, brain, none))).containsExactly(none);
        assertThat(ItemEditor.exclusiveRule(Set.of(none), Set.of(none, skin))).containsExactly(skin);
        assertThat(ItemEditor.exclusiveRule(Set.of(skin), Set.of(skin, brain))).containsExactlyInAnyOrder(skin, brain);
        assertThat(ItemEditor.exclusiveRule(Set.of(skin, brain), Set.of(skin))).containsExactly(skin);
    }

    @Test
    void aFullWidthNumberIsSavedAndShownAsStoredAndItsItemAppearsOnlyAfterItsCondition() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        ItemEditor fte = view.editors.get("NO1.GP_SPECIALIST_FTE");
        assertThat(fte.isVisible()).isFalse();
        test(view.editors.get("NO1.GP_SPECIALIST").single).selectItem("1: 有り");
        assertThat(fte.isVisible()).isTrue();
        assertThat(fte.number.getHelperText()).contains("小数第1位まで");

        test(fte.number).setValue("１．５");
        assertThat(fake.saves.getLast().get("NO1.GP_SPECIALIST_FTE").number()).isEqualTo("１．５");
        assertThat(fake.answers.get("NO1.GP_SPECIALIST_FTE").number()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(fte.number.getValue()).isEqualTo("1.5");
    }

    @Test
    void aRefusedNumberStaysInItsFieldMarkedNotSavedAndListed() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        ItemEditor claims = view.editors.get("NO2A.AFTER_HOURS_CLAIMS");
        test(claims.number).setValue("十二");
        assertThat(claims.number.getValue()).isEqualTo("十二");
        assertThat(claims.number.isInvalid()).isTrue();
        assertThat(claims.savedText.getText()).isEqualTo("保存されていません");
        assertThat(claims.status.getClassNames()).contains("not-saved");
        assertThat(claims.retry.isVisible()).isTrue();
        assertThat(fake.answers).doesNotContainKey("NO2A.AFTER_HOURS_CLAIMS");
        assertThat(find(Button.class, view.submitPanel).withClassName("prep-link").all()).extracting(Button::getText)
                .anyMatch(t -> t.startsWith("保存されていません：No.5"));
        assertThat(view.submit.isEnabled()).isFalse();

        // another item saved meanwhile does not wipe what was typed here
        test(view.editors.get("NO1.POSTING").single).selectItem("1: 実施している");
        assertThat(claims.number.getValue()).isEqualTo("十二");
        test(claims.number).setValue("12");
        assertThat(claims.number.isInvalid()).isFalse();
        assertThat(fake.answers.get("NO2A.AFTER_HOURS_CLAIMS").number()).isEqualByComparingTo("12");
    }

    @Test
    void aNamesListAddsAndRemovesRows() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        NameListEditor names = view.editors.get("NO2A.PARTNERS").names;
        test(names.add).click();
        test(names.rows.getFirst()).setValue("柏中央病院");
        test(names.add).click();
        test(names.rows.get(1)).setValue("みどり診療所");
        assertThat(fake.answers.get("NO2A.PARTNERS").names()).containsExactly("柏中央病院", "みどり診療所");
        Button remove = find(Button.class, names).withClassName("prep-name-remove").all().getFirst();
        test(remove).click();
        assertThat(fake.answers.get("NO2A.PARTNERS").names()).containsExactly("みどり診療所");
        assertThat(names.rows).hasSize(1);
    }

    @Test
    void aConflictOnAnotherItemSavesOnTopAndOnTheSameItemKeepsTheInput() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        // someone else changed another item: this one goes through on the new version
        fake.otherPersonSaves(new PreparationAnswer("NO2A.NOTES", List.of(), null, "夜間は携帯で対応", null, AnswerOrigin.ENTERED, true));
        test(view.editors.get("NO1.POSTING").single).selectItem("1: 実施している");
        assertThat(fake.answers.get("NO1.POSTING").choices()).containsExactly(1);
        assertThat(view.editors.get("NO2A.NOTES").text.getValue()).isEqualTo("夜間は携帯で対応");
        assertThat(find(Notification.class).all()).isNotEmpty();

        // someone else changed the same item: the typed value stays, marked, with 「もう一度保存」
        ItemEditor notes = view.editors.get("NO2A.NOTES");
        fake.otherPersonSaves(new PreparationAnswer("NO2A.NOTES", List.of(), null, "休日は当番医へ", null, AnswerOrigin.ENTERED, true));
        test(notes.text).setValue("自院で24時間対応");
        assertThat(notes.text.getValue()).isEqualTo("自院で24時間対応");
        assertThat(notes.savedText.getText()).isEqualTo("保存されていません");
        assertThat(fake.answers.get("NO2A.NOTES").text()).isEqualTo("休日は当番医へ");
        test(notes.retry).click();
        assertThat(fake.answers.get("NO2A.NOTES").text()).isEqualTo("自院で24時間対応");
        assertThat(notes.hasUnsavedInput()).isFalse();
    }

    @Test
    void unchangedConfirmsACarriedAnswerAndSubmitWaitsForIt() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        assertThat(view.submit.isEnabled()).isFalse();
        assertThat(find(Button.class, view.submitPanel).withClassName("prep-link").all()).extracting(Button::getText)
                .contains("未確認：No.1 在宅当番医制への参加", "未確認：No.1 主治医意見書の作成");
        test(view.editors.get("NO2A.ROTA").unchanged).click();
        test(view.editors.get("NO2D.OPINION_LETTER").unchanged).click();
        assertThat(fake.answers.get("NO2A.ROTA").confirmed()).isTrue();
        assertThat(view.editors.get("NO2A.ROTA").unchanged.isAttached()).isFalse();
        assertThat(view.submit.isEnabled()).isTrue();

        test(view.submit).click();
        test(find(Button.class, find(Dialog.class).single()).withClassName("prep-submit-ok").single()).click();
        assertThat(fake.status).isEqualTo(PreparationStatus.SUBMITTED);
        assertThat(view.editable).isFalse();
        assertThat(view.editors.get("NO1.POSTING").single.isReadOnly()).isTrue();
        assertThat(texts(view.submitPanel)).contains("提出済みにしました");

        test(view.reopen).click();
        assertThat(fake.status).isEqualTo(PreparationStatus.DRAFT);
        assertThat(view.editors.get("NO1.POSTING").single.isReadOnly()).isFalse();
    }

    @Test
    void historyLinksToOtherYearsAndTheDownloadIsOffered() {
        clinic(MemberRole.EDITOR);
        ReportPreparationView view = started();
        assertThat(find(Anchor.class, view).all()).extracting(Anchor::getHref)
                .anyMatch(h -> h.equals("report-preparation?facility=" + fake.facilityId + "&year=2026"));
        assertThat(view.download).isNotNull();
        assertThat(view.download.getText()).contains("Excel");
    }

    @Test
    void anAssociationIsToldItDoesNotReport() {
        FacilityProfile association = fixtures.facility(FacilityKind.ASSOCIATION);
        when(preparations.currentReportYear()).thenReturn(PreparationFake.YEAR);
        when(editions.years()).thenReturn(List.of(2026));
        fixtures.member(association, MemberRole.EDITOR);
        com.vaadin.flow.component.UI.getCurrent().navigate("report-preparation",
                QueryParameters.simple(Map.of("facility", String.valueOf(association.id()))));
        ReportPreparationView view = (ReportPreparationView) getCurrentView();
        assertThat(texts(view)).contains("医師会・地域連携組織はかかりつけ医機能報告を行いません");
        assertThat(find(Anchor.class, view).withClassName("prep-association-link").single().getHref()).isEqualTo("associations");
        assertThat(view.editors).isEmpty();
    }

    @Test
    void aYearWithoutItemsOrAfterTheSeasonAheadIsNotAnAddress() {
        clinic(MemberRole.EDITOR);
        for (String year : List.of("2025", "2028", "abc", "0")) {
            com.vaadin.flow.component.UI.getCurrent().navigate("report-preparation", QueryParameters.simple(Map.of("year", year)));
            assertThat(getCurrentView()).as(year).isInstanceOf(jp.kakaritsuke.base.ui.InvalidAddressView.class);
        }
    }

    @Test
    void anotherFacilitysPreparationIsNotFound() {
        FacilityProfile other = fixtures.facility(FacilityKind.CLINIC);
        clinic(MemberRole.EDITOR);
        com.vaadin.flow.component.UI.getCurrent().navigate("report-preparation",
                QueryParameters.simple(Map.of("facility", String.valueOf(other.id()))));
        assertThat(getCurrentView()).isInstanceOf(jp.kakaritsuke.base.ui.NotFoundView.class);
    }

    @Test
    void everyTextOfThePageIsTranslatedInBothLanguages() {
        clinic(MemberRole.EDITOR);
        fake.start();
        for (java.util.Locale locale : List.of(java.util.Locale.JAPANESE, java.util.Locale.ENGLISH)) {
            com.vaadin.flow.component.UI.getCurrent().setLocale(locale);
            ReportPreparationView view = open();
            String text = texts(view);
            // a key missing in both bundles renders as !key! (one missing in English only falls back to Japanese,
            // which I18nPropertiesSyncTest catches)
            assertThat(text).as(locale.toString()).doesNotContainPattern("![a-zA-Z]+\\.[\\w.]+!");
            if (locale == java.util.Locale.ENGLISH) {
                assertThat(text).contains("preparation (filed January to March 2027)", "Period: the previous year");
            }
        }
    }
}
