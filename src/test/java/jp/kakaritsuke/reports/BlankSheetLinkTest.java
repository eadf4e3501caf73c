package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The assessment home links the blank sheet, as a file download (not a route), for viewers as well as editors. */
@SpringBootTest
class BlankSheetLinkTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theAssessmentHomeLinksTheBlankSheet() {
        fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
        navigate("assessment", Component.class);
        Anchor link = find(Anchor.class).withText("記入用シート（Excel）をダウンロード").single();
        assertThat(link.getHref()).isEqualTo("api/v1/questionnaires/current/blank.xlsx");
        assertThat(link.getElement().hasAttribute("download")).isTrue();
    }
}
