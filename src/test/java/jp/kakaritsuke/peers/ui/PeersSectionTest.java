package jp.kakaritsuke.peers.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.base.ui.PeerDistributionChart;
import jp.kakaritsuke.base.ui.extension.PeerExtension;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.peers.domain.BedBand;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerComparison.Kind;
import jp.kakaritsuke.peers.domain.PeerComparison.Withheld;
import jp.kakaritsuke.peers.domain.PeerConsent;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.domain.RoleDistribution;
import jp.kakaritsuke.peers.domain.RoleDistribution.Spread;
import jp.kakaritsuke.peers.service.PeerService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The peers section of the result page against a mocked PeerService (the statistics are the service's, tested in
 * the peers module): the consent card for editors and viewers, give to get, the three comparisons, the withheld
 * reasons in words, the custom group's validation messages, a refusal shown plainly.
 */
@SpringBootTest
class PeersSectionTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PeerExtension extension;

    @MockitoBean
    PeerService peers;

    long facilityId;
    long roundId;

    static final PeerGroup CLINIC_GROUP = new PeerGroup(FacilityKind.CLINIC, null, AreaType.REGIONAL_CITY, Region.KANTO,
            null, Set.of());

    @BeforeEach
    void round() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        facilityId = clinic.id();
        roundId = fixtures.submitRound(clinic.id(), r -> 2, r -> false);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    PeerConsent consent(boolean consenting, boolean canChange) {
        return new PeerConsent(facilityId, consenting, consenting ? Instant.parse("2026-11-30T01:00:00Z") : null,
                consenting ? "山田 花子" : null, canChange);
    }

    static PeerComparison stats(Kind kind, PeerGroup group) {
        return new PeerComparison(kind, group, 124, null, List.of(
                new RoleDistribution(RoleCode.CLINIC_CLINIC, 2, new Spread(120, 1, 2, 3, 54)),
                new RoleDistribution(RoleCode.HOME_CARE, 3, new Spread(98, 1, 2, 2, 81)),
                new RoleDistribution(RoleCode.SCHOOL_HEALTH, 1, null),
                new RoleDistribution(RoleCode.END_OF_LIFE, null, new Spread(40, 0, 1, 2, null))));
    }

    static PeerComparison withheld(Kind kind, PeerGroup group, Withheld why) {
        return new PeerComparison(kind, group, 0, why, List.of());
    }

    PeersSection section() {
        PeersSection section = (PeersSection) extension.panel(roundId);
        UI.getCurrent().add(section);
        return section;
    }

    List<String> notifications() {
        return $(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    String text(PeersSection section) {
        return section.getElement().getTextRecursively();
    }

    @Test
    void anEditorWithoutConsentReadsWhatCountingMeansSeesNoComparisonAndTakesPart() {
        when(peers.consent(facilityId)).thenReturn(consent(false, true));
        when(peers.defaultGroup(roundId)).thenReturn(withheld(Kind.DEFAULT, CLINIC_GROUP, Withheld.NO_CONSENT));
        PeersSection section = section();

        assertThat(text(section)).contains("同じような施設との比較", "最新の提出済みの評価", "役割ごとのレベルだけが匿名で",
                "施設名・市区町村・ID", "10施設未満", "いつでもやめられます", "自院も数に入れることを選んだ施設だけ",
                "現在: 参加していません", "比較は、自院も数に入れることを選んだ施設にだけ表示します");
        assertThat(section.tabs).as("give to get: no comparison before the facility counts itself").isNull();
        assertThat(section.consentButton.getText()).isEqualTo("比較に参加する");

        when(peers.setConsent(facilityId, true)).thenReturn(consent(true, true));
        when(peers.consent(facilityId)).thenReturn(consent(true, true));
        when(peers.defaultGroup(roundId)).thenReturn(stats(Kind.DEFAULT, CLINIC_GROUP));
        test(section.consentButton).click();

        verify(peers).setConsent(facilityId, true);
        assertThat(notifications()).anyMatch(n -> n.startsWith("比較に参加しました"));
        assertThat(find(Paragraph.class).withClassName("peer-consent-done").single().getText()).startsWith("比較に参加しました");
        assertThat(text(section)).contains("現在: 参加しています", "に変更");
        assertThat(text(section)).as("no login name on a page").doesNotContain("山田 花子");
        assertThat(section.tabs).isNotNull();
        assertThat(section.consentButton.getText()).isEqualTo("参加をやめる");
    }

    @Test
    void aViewerSeesTheStateAndWhoToAskButNoSwitch() {
        when(peers.consent(facilityId)).thenReturn(consent(false, false));
        when(peers.defaultGroup(roundId)).thenReturn(withheld(Kind.DEFAULT, CLINIC_GROUP, Withheld.NO_CONSENT));
        PeersSection section = section();
        assertThat(section.consentButton).isNull();
        assertThat(text(section)).contains("現在: 参加していません", "この施設の編集者が選びます");

        // a consenting facility's viewer sees the comparisons, still without a switch
        when(peers.consent(facilityId)).thenReturn(consent(true, false));
        when(peers.defaultGroup(roundId)).thenReturn(stats(Kind.DEFAULT, CLINIC_GROUP));
        section.show();
        assertThat(section.consentButton).isNull();
        assertThat(section.tabs).isNotNull();
        verify(peers, never()).setConsent(anyLong(), anyBoolean());
    }

    @Test
    void theDefaultGroupSaysWhatDefinesItAndShowsChartAndTableWithRolesWithoutStatisticsExplained() {
        when(peers.consent(facilityId)).thenReturn(consent(true, true));
        when(peers.defaultGroup(roundId)).thenReturn(stats(Kind.DEFAULT, CLINIC_GROUP));
        PeersSection section = section();
        PeerResult result = section.defaultResult;

        assertThat(result.about.getText()).endsWith("診療所・地方都市・関東");
        assertThat(result.size.getText()).contains("124");
        assertThat(result.withheld.isVisible()).isFalse();
        List<PeerDistributionChart.Role> chart = result.chart.getRoles();
        assertThat(chart).hasSize(4);
        assertThat(chart.getFirst()).isEqualTo(new PeerDistributionChart.Role("診診連携", 1, 2, 3, 2));
        assertThat(chart.get(2).median()).as("a role without statistics has no box").isNull();
        assertThat(chart.get(2).own()).isEqualTo(1);
        assertThat(chart.get(3).own()).as("unanswered: no dot").isNull();
        assertThat(result.chart.getAriaLabel()).contains("下の表");

        // the table: role, own level, median, range, percentile, count — and why a role shows nothing
        assertThat(result.table.getColumns()).hasSize(6);
        var grid = test(result.table);
        assertThat(grid.size()).isEqualTo(4);
        assertThat(List.of(grid.getCellText(0, 0), grid.getCellText(0, 1), grid.getCellText(0, 2), grid.getCellText(0, 3),
                grid.getCellText(0, 4), grid.getCellText(0, 5))).containsExactly("診診連携", "2", "2", "1〜3", "54", "120");
        assertThat(grid.getCellText(2, 2)).isEqualTo("回答した施設が10未満のため表示しません");
        assertThat(grid.getCellText(2, 3)).isEmpty();
        assertThat(grid.getCellText(3, 1)).isEqualTo("未回答");
        assertThat(grid.getCellText(3, 4)).isEmpty();

        // on a phone the range and the count fold away
        result.phoneColumns(390);
        assertThat(result.table.getColumns().stream().filter(c -> c.isVisible()).count()).isEqualTo(4);
        result.phoneColumns(1366);
        assertThat(result.table.getColumns().stream().filter(c -> c.isVisible()).count()).isEqualTo(6);
    }

    @Test
    void everyWithheldReasonIsSaidInWords() {
        when(peers.consent(facilityId)).thenReturn(consent(true, true));
        when(peers.defaultGroup(roundId)).thenReturn(withheld(Kind.DEFAULT, CLINIC_GROUP, Withheld.TOO_FEW));
        PeersSection section = section();
        PeerResult result = section.defaultResult;
        assertThat(result.withheld.getText()).startsWith("10施設未満のため表示しません").contains("推し量れて");
        assertThat(result.chart.isVisible()).isFalse();
        assertThat(result.table.isVisible()).isFalse();
        assertThat(result.size.isVisible()).as("the exact number below the threshold is not told").isFalse();

        when(peers.defaultGroup(roundId)).thenReturn(withheld(Kind.DEFAULT, CLINIC_GROUP, Withheld.NOT_SUBMITTED));
        section.show();
        assertThat(section.defaultResult.withheld.getText()).isEqualTo("提出済みの評価がないため、比較できません。");

        // an association is not compared: no consent card either
        when(peers.defaultGroup(roundId)).thenReturn(withheld(Kind.DEFAULT, null, Withheld.NOT_COMPARABLE));
        section.show();
        assertThat(text(section)).contains("施設どうしの比較の対象にしていません").doesNotContain("比較への参加");
        assertThat(section.consentButton).isNull();
    }

    @Test
    void anEditorWithdrawsAfterConfirmingAndIsToldWhatHappened() {
        when(peers.consent(facilityId)).thenReturn(consent(true, true));
        when(peers.defaultGroup(roundId)).thenReturn(stats(Kind.DEFAULT, CLINIC_GROUP));
        PeersSection section = section();
        test(section.consentButton).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).last();
        test(confirm).cancel();
        verify(peers, never()).setConsent(anyLong(), anyBoolean());

        test(section.consentButton).click();
        when(peers.setConsent(facilityId, false)).thenReturn(consent(false, true));
        when(peers.consent(facilityId)).thenReturn(consent(false, true));
        when(peers.defaultGroup(roundId)).thenReturn(withheld(Kind.DEFAULT, CLINIC_GROUP, Withheld.NO_CONSENT));
        test($(ConfirmDialog.class).last()).confirm();
        verify(peers).setConsent(facilityId, false);
        assertThat(notifications()).anyMatch(n -> n.startsWith("参加をやめました"));
        assertThat(section.tabs).isNull();
        assertThat(text(section)).contains("現在: 参加していません", "参加をやめました");
    }

    @Test
    void aRefusalIsShownPlainly() {
        when(peers.consent(facilityId)).thenThrow(new AccessDeniedException("not yours"));
        PeersSection section = section();
        assertThat(text(section)).contains("この比較は、施設の方だけが見られます。");

        // a change refused (the editor lost the role meanwhile): said, nothing else changes
        doReturn(consent(false, true)).when(peers).consent(facilityId);
        when(peers.defaultGroup(roundId)).thenReturn(withheld(Kind.DEFAULT, CLINIC_GROUP, Withheld.NO_CONSENT));
        section.show();
        when(peers.setConsent(facilityId, true)).thenThrow(new AccessDeniedException("not an editor"));
        test(section.consentButton).click();
        assertThat(notifications()).contains("参加の変更は、この施設の編集者だけができます。");
        assertThat(text(section)).contains("現在: 参加していません");
    }

    @Test
    void theRecommendedPeersAreCountedWhenTheirTabIsOpenedAndNeverNamed() {
        when(peers.consent(facilityId)).thenReturn(consent(true, true));
        when(peers.defaultGroup(roundId)).thenReturn(stats(Kind.DEFAULT, CLINIC_GROUP));
        when(peers.recommended(roundId)).thenReturn(stats(Kind.RECOMMENDED, null));
        PeersSection section = section();
        verify(peers, never()).recommended(anyLong());
        section.select(1);
        verify(peers).recommended(roundId);
        assertThat(section.recommendedResult.about.getText()).contains("最も似ている50施設", "どの施設かは表示しません");
        assertThat(test(section.recommendedResult.table).size()).isEqualTo(4);
    }

    @Test
    void aCustomGroupStartsFromTheDefaultOffersWhatFitsTheKindAndShowsTheServicesMessages() {
        when(peers.consent(facilityId)).thenReturn(consent(true, true));
        when(peers.defaultGroup(roundId)).thenReturn(stats(Kind.DEFAULT, CLINIC_GROUP));
        when(peers.defaultGroupOf(roundId)).thenReturn(CLINIC_GROUP);
        PeersSection section = section();
        section.select(2);
        PeerGroupForm form = section.form;
        assertThat(form.areaType.getValue()).isEqualTo(AreaType.REGIONAL_CITY);
        assertThat(form.region.getValue()).isEqualTo(Region.KANTO);
        assertThat(form.bedBand.getListDataView().getItems().toList())
                .containsExactly(BedBand.CLINIC_NO_BEDS, BedBand.CLINIC_WITH_BEDS);
        assertThat(form.designations.getListDataView().getItems().toList())
                .contains(Designation.HOME_CARE_SUPPORT_CLINIC).doesNotContain(Designation.HOME_CARE_SUPPORT_HOSPITAL);

        // the service refuses: its messages in words, the field marked, nothing counted shown
        when(peers.group(eq(roundId), any())).thenThrow(new InvalidInputException(
                List.of("peers.custom.regionOrPrefecture"), List.of("prefecture")));
        test(form.prefecture).selectItem("千葉県");
        assertThat(form.region.getValue()).as("a prefecture replaces the region").isNull();
        test(form.compare).click();
        assertThat(form.errors.isVisible()).isTrue();
        assertThat(form.errors.getElement().getTextRecursively()).contains("地方か都道府県のどちらか一方を選べます");
        assertThat(form.prefecture.isInvalid()).isTrue();
        assertThat(form.result.table.isVisible()).isFalse();

        // a narrow group: withheld, said why; the group is described
        PeerGroup narrow = new PeerGroup(FacilityKind.CLINIC, BedBand.CLINIC_WITH_BEDS, AreaType.RURAL, null, "千葉県",
                Set.of(Designation.HOME_CARE_SUPPORT_CLINIC));
        doReturn(withheld(Kind.CUSTOM, narrow, Withheld.TOO_FEW)).when(peers).group(roundId, narrow);
        test(form.bedBand).selectItem("有床診療所");
        test(form.areaType).selectItem("郡部・へき地");
        test(form.designations).selectItem("在宅療養支援診療所");
        test(form.compare).click();
        verify(peers).group(roundId, narrow);
        assertThat(form.errors.isVisible()).isFalse();
        assertThat(form.prefecture.isInvalid()).isFalse();
        assertThat(form.result.withheld.getText()).startsWith("10施設未満のため表示しません");
        assertThat(form.result.about.getText()).isEqualTo("条件: 診療所・有床診療所・郡部・へき地・千葉県・在宅療養支援診療所");
    }

    @Test
    void speaksEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        when(peers.consent(facilityId)).thenReturn(consent(true, true));
        when(peers.defaultGroup(roundId)).thenReturn(stats(Kind.DEFAULT, CLINIC_GROUP));
        PeersSection section = section();
        assertThat(text(section)).contains("Compared with similar facilities", "Standard group")
                .containsPattern("Now: taking part \\(changed [^)]+\\)")
                .doesNotContainPattern("[ぁ-んァ-ヶ]");
        assertThat(section.defaultResult.about.getText()).endsWith("Clinic / Regional city / Kanto");
    }
}
