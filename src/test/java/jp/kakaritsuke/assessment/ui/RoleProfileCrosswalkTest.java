package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.functionreport.domain.CrosswalkLink;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The crosswalk on the result: per role the report's functions it relates to, the reason on demand, marked as this
 * service's mapping, and the way to the 報告準備 page for a facility that files the report (not an association).
 * The edition is hand-built here, so the test does not depend on the edition data.
 */
@SpringBootTest
class RoleProfileCrosswalkTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @MockitoBean
    ReportEditionService editions;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    static ReportEdition edition(List<CrosswalkLink> links) {
        return new ReportEdition(2026, "かかりつけ医機能報告 2026", "Function report 2026", LocalDate.of(2025, 11, 4), "test",
                List.of(), links, List.of());
    }

    @Test
    void eachRoleSaysWhichFunctionsOfTheReportItRelatesToWithTheReasonOnDemandAndMarkedAsOurs() {
        when(editions.current()).thenReturn(edition(List.of(
                new CrosswalkLink(ReportFunction.NO2_C, null, RoleCode.HOME_CARE, "訪問診療・往診の体制はこの役割のレベルそのもの", "the level itself"),
                new CrosswalkLink(ReportFunction.NO2_A, null, RoleCode.OUT_OF_HOURS, "時間外の体制", "out of hours"),
                new CrosswalkLink(ReportFunction.NO2_D, null, RoleCode.END_OF_LIFE, "看取りと介護の連携", "end of life"))));
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long round = fixtures.submitRound(clinic.id(), r -> 2, r -> false);

        RoleProfileView view = navigate(RoleProfileView.class, round);
        assertThat(view.crosswalk.isVisible()).isTrue();
        List<Div> roles = find(Div.class).withClassName("crosswalk-role").all();
        // in the roles' order, only roles with links
        assertThat(roles).extracting(d -> d.getElement().getAttribute("data-role"))
                .containsExactly("OUT_OF_HOURS", "HOME_CARE", "END_OF_LIFE");
        Details homeCare = find(Details.class).withClassName("crosswalk-link").all().stream()
                .filter(d -> "NO2_C".equals(d.getElement().getAttribute("data-function"))).findFirst().orElseThrow();
        assertThat(homeCare.getSummaryText()).startsWith("この役割は報告の ").endsWith(" に関係します")
                .contains(view.getTranslation("functionreport.function.NO2_C")).doesNotContain("!");
        // the reason on demand
        assertThat(homeCare.isOpened()).isFalse();
        assertThat(homeCare.getElement().getTextRecursively()).contains("訪問診療・往診の体制はこの役割のレベルそのもの");
        assertThat(find(Span.class).withClassName("crosswalk-ours").single().getText()).isEqualTo("当サービスによる対応付け");
    }

    @Test
    void linksToTheReportPreparationForAClinicButNotForAnAssociationAndHidesWithoutLinks() {
        when(editions.current()).thenReturn(edition(List.of(
                new CrosswalkLink(ReportFunction.NO2_C, null, RoleCode.HOME_CARE, "理由", "why"))));
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long round = fixtures.submitRound(clinic.id(), r -> 1, r -> false);
        navigate(RoleProfileView.class, round);
        assertThat(find(Anchor.class).withClassName("crosswalk-prepare").single().getHref())
                .isEqualTo("report-preparation?facility=" + clinic.id());

        FacilityProfile association = fixtures.facility(FacilityKind.ASSOCIATION);
        fixtures.member(association, MemberRole.EDITOR);
        long associationRound = fixtures.submitRound(association.id(), r -> 1, r -> false);
        RoleProfileView view = navigate(RoleProfileView.class, associationRound);
        assertThat(view.crosswalk.isVisible()).isTrue();
        assertThat(find(Anchor.class).withClassName("crosswalk-prepare").exists()).isFalse();

        // an edition without links (or none at all): the result page works and shows no crosswalk
        when(editions.current()).thenReturn(edition(List.of()));
        FacilityProfile other = fixtures.facility(FacilityKind.HOSPITAL);
        fixtures.member(other, MemberRole.EDITOR);
        long hospitalRound = fixtures.submitRound(other.id(), r -> 1, r -> false);
        assertThat(navigate(RoleProfileView.class, hospitalRound).crosswalk.isVisible()).isFalse();
        when(editions.current()).thenThrow(new IllegalStateException("no edition published"));
        assertThat(navigate(RoleProfileView.class, hospitalRound).crosswalk.isVisible()).isFalse();
    }
}
