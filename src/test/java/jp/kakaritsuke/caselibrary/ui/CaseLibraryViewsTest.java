package jp.kakaritsuke.caselibrary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import jp.kakaritsuke.caselibrary.domain.CaseCategory;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SurveyAnswer;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The library's screens on real data, without a browser (Vaadin's free browserless testing). */
@SpringBootTest
@WithMockUser
class CaseLibraryViewsTest extends SpringBrowserlessTest {

    @Autowired
    CaseLibraryService service;

    @Test
    void matrixShowsTheNineteenCasesWithTheSeedsMarks() {
        CaseMatrixView view = navigate(CaseMatrixView.class);
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(19);
        assertThat(grid.getRow(0).name()).isEqualTo("北海道家庭医療学センター");
        // Header of the first role column, and case 17's marks in the 在宅医療 (HOME_CARE) and 母子保健 columns.
        int homeCare = grid.getColumnPosition("HOME_CARE");
        int maternal = grid.getColumnPosition("MATERNAL_CHILD");
        assertThat(grid.getCellText(16, homeCare)).isEqualTo("●");
        assertThat(grid.getCellText(16, maternal)).isEmpty();
        long marks = 0;
        for (int row = 0; row < grid.size(); row++) {
            for (var role : service.library().roles()) {
                if ("●".equals(grid.getCellText(row, grid.getColumnPosition(role.code().name())))) {
                    marks++;
                }
            }
        }
        assertThat(marks).isEqualTo(92);
    }

    @Test
    void matrixFiltersByCategoryPrefectureRoleAndShowsReferenceCasesOnRequest() {
        CaseMatrixView view = navigate(CaseMatrixView.class);
        var grid = test(view.grid);
        test(view.category).selectItem(view.category.getItemLabelGenerator().apply(CaseCategory.HOSPITAL));
        assertThat(grid.size()).isEqualTo(6);
        view.category.clear();
        view.prefecture.setValue("千葉県");
        assertThat(grid.size()).isEqualTo(3);
        view.prefecture.clear();
        view.role.setValue(service.library().role(RoleCode.SCHOOL_HEALTH).orElseThrow());
        assertThat(java.util.stream.IntStream.range(0, grid.size()).mapToObj(grid::getRow).map(CaseStudy::number))
                .containsExactly("4", "6");
    }

    @Test
    void clickingARowOpensTheCase() {
        CaseMatrixView view = navigate(CaseMatrixView.class);
        test(view.grid).clickRow(16);
        assertThat(getCurrentView()).isInstanceOf(CaseDetailView.class);
        assertThat(find(H2.class).single().getText()).isEqualTo("一般社団法人柏市医師会（柏モデル）");
    }

    @Test
    void caseDetailShowsOverviewRegionFeaturesAndPracticesWithSourceReferences() {
        navigate(CaseDetailView.class, "17");
        CaseStudy kashiwa = service.library().caseStudy("17").orElseThrow();
        assertThat(find(H4.class).all()).extracting(H4::getText)
                .containsExactlyElementsOf(kashiwa.practices().stream().map(p -> circled(p) + " " + p.title()).toList());
        assertThat(find(Div.class).withClassName("practice-card").all()).hasSize(4);
        assertThat(find(com.vaadin.flow.component.html.Span.class).withText("出典: 『かかりつけ医機能に関する事例集』 事例17 取組①").exists())
                .isTrue();
        assertThat(find(com.vaadin.flow.component.html.ListItem.class).all()).hasSize(kashiwa.regionFeatures().size());
    }

    @Test
    void referenceCaseShowsItsDerivedTagsAndHighlights() {
        navigate(CaseDetailView.class, "参考1");
        assertThat(find(com.vaadin.flow.component.html.Span.class).withClassName("role-chip-derived").all()).isNotEmpty();
        assertThat(find(com.vaadin.flow.component.html.ListItem.class).withTextContaining("①").exists()).isTrue();
    }

    @Test
    void practiceSearchByRoleAndKeyword() {
        PracticeSearchView view = navigate(PracticeSearchView.class);
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(79);
        view.role.setValue(service.library().role(RoleCode.END_OF_LIFE).orElseThrow());
        int endOfLife = grid.size();
        assertThat(endOfLife).isBetween(1, 78);
        for (int i = 0; i < endOfLife; i++) {
            assertThat(grid.getRow(i).roleCodes()).contains(RoleCode.END_OF_LIFE);
        }
        view.role.clear();
        view.keyword.setValue("副主治医");
        assertThat(grid.size()).isGreaterThanOrEqualTo(1);
        assertThat(java.util.stream.IntStream.range(0, grid.size()).mapToObj(grid::getRow).map(Practice::caseNumber))
                .contains("17");
        view.keyword.setValue("該当しない語句ですよ");
        assertThat(grid.size()).isZero();
    }

    @Test
    void surveyByQuestionAndByRespondent() {
        SurveyView view = navigate(SurveyView.class);
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(117);
        view.question.setValue(service.library().survey().get(1));
        assertThat(grid.size()).isEqualTo(11);
        view.question.clear();
        view.respondent.setValue("福井県");
        assertThat(grid.size()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < grid.size(); i++) {
            assertThat(grid.getRow(i)).extracting(SurveyAnswer::respondent).isEqualTo("福井県");
        }
    }

    private static String circled(Practice p) {
        return String.valueOf((char) ('\u2460' + p.number() - 1));
    }
}
