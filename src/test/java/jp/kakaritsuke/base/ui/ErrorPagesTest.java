package jp.kakaritsuke.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every page that takes a parameter from its address, given a parameter that is malformed or names nothing: a plain
 * Japanese page with a way back to the start, never an exception's class, message or trace.
 */
@SpringBootTest
class ErrorPagesTest extends SpringBrowserlessTest {

    /** What Vaadin's own error pages and an exception trace would show; none of it may reach the user. */
    static final List<String> INTERNALS = List.of("Exception", "exception", "java.", "jp.kakaritsuke", "at ", "Could not navigate",
            "does not exist", "NumberFormat", "For input string", "Internal error");

    static final List<String> PARAMETERISED = List.of("assessment/round/", "assessment/profile/", "associations/rollup/",
            "associations/staff/", "facility/");

    /** Not a number in the path: Vaadin's router refuses them before any view (or service) sees them. */
    static final List<String> MALFORMED_IDS = List.of("abc", "1e3", "%00", "1.5", "0x10", "１２", "12abc",
            "9".repeat(40), "x".repeat(2000));

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void aMalformedIdInAnyParameterisedAddressShowsTheJapaneseNotFoundPage() {
        Fixtures.asAdmin();
        for (String route : PARAMETERISED) {
            for (String bad : MALFORMED_IDS) {
                navigate(route + bad, RouteNotFoundView.class);
                assertPlainNotFound(route + bad);
            }
        }
    }

    @Test
    void anAddressThatMatchesNoPageShowsTheJapaneseNotFoundPage() {
        Fixtures.asAdmin();
        for (String path : List.of("no-such-page", "assessment/round", "assessment/round/1/2", "facility/1/members",
                "cases/NO-SUCH-CASE")) {
            navigate(path, RouteNotFoundView.class);
            assertPlainNotFound(path);
        }
    }

    @Test
    void anUnknownRoundOrFacilityShowsTheJapaneseNotFoundPage() {
        Fixtures.asAdmin();
        for (String path : List.of("assessment/round/999999", "assessment/round/2147483648", "assessment/round/-1",
                "assessment/round/0", "assessment/profile/999999", "assessment/profile/2147483648",
                "facility/999999", "facility/2147483648", "facility/-5")) {
            navigate(path, NotFoundView.class);
            assertPlainNotFound(path);
        }
    }

    @Test
    void aMalformedStepOfTheQuestionnaireShowsTheInvalidAddressPage() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long round = rounds.startRound(clinic.id()).summary().id();
        for (List<String> step : List.of(List.of("abc"), List.of("1e3"), List.of("\u0000"), List.of("2147483648"),
                List.of("-1"), List.of("0"), List.of(""), List.of("1.0"), List.of("+2"), List.of("99"),
                List.of("9".repeat(500)), List.of("1", "2"))) {
            String path = "assessment/round/" + round + "?step=" + step;
            UI.getCurrent().navigate("assessment/round/" + round, QueryParameters.full(Map.of("step", step.toArray(String[]::new))));
            assertThat(getCurrentView()).as(path).isInstanceOf(InvalidAddressView.class);
            assertPlainNotFound(path);
        }
        // a good step still opens the questionnaire there
        UI.getCurrent().navigate("assessment/round/" + round, QueryParameters.simple(Map.of("step", "3")));
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("QuestionnaireView");
        var stepButtons = find(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class).withClassName("step-nav")
                .single().getChildren().toList();
        assertThat(stepButtons.get(2).getElement().getThemeList()).contains("primary");
        assertThat(stepButtons.get(0).getElement().getThemeList()).doesNotContain("primary");
    }

    @Test
    void aFailureNobodyForesawShowsAGenericJapanesePageWithAReferenceNotTheMessage() {
        Fixtures.asAdmin();
        navigate("test/failing", ErrorView.class);
        String text = text();
        assertThat(text).contains("ページを表示できませんでした").contains("参照番号").doesNotContain(FailingTestView.SECRET);
        INTERNALS.forEach(s -> assertThat(text).as("page text").doesNotContain(s));
        String reference = find(com.vaadin.flow.component.html.Span.class).withClassName("error-reference").single().getText();
        assertThat(reference).matches("[0-9a-f]{8}");
        assertThat(find(Anchor.class).single().getHref()).isEqualTo("start");
    }

    @Test
    void theEnglishPageComesFromTheBundle() {
        Fixtures.asAdmin();
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        navigate("assessment/round/abc", RouteNotFoundView.class);
        assertThat(text()).contains("Page not found").doesNotContain("ページが見つかりません");
    }

    private void assertPlainNotFound(String path) {
        String text = text();
        assertThat(text).as(path).contains("ページが見つかりません").contains("アドレスが正しくありません");
        INTERNALS.forEach(s -> assertThat(text).as(path).doesNotContain(s));
        assertThat(find(Anchor.class).single().getHref()).as(path).isEqualTo("start");
    }

    private String text() {
        return getCurrentView().getElement().getTextRecursively();
    }
}
