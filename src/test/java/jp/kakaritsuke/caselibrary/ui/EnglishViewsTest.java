package jp.kakaritsuke.caselibrary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** English is selectable: the same screens read in English, role names included. */
@SpringBootTest
@WithMockUser
class EnglishViewsTest extends SpringBrowserlessTest {

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void matrixInEnglish() {
        // The matrix is the root route, already rendered (in Japanese) when the test UI started: leave and come back,
        // as the real language switch does with a page reload.
        navigate(SurveyView.class);
        CaseMatrixView view = navigate(CaseMatrixView.class);
        assertThat(find(H2.class).single().getText()).isEqualTo("Case matrix");
        assertThat(test(view.grid).getRow(0).number()).isEqualTo("1");
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("Clinic");
        assertThat(((Span) view.grid.getColumnByKey("CLINIC_CLINIC").getHeaderComponent()).getText())
                .isEqualTo("Clinic–clinic cooperation");
    }

    @Test
    void caseDetailInEnglishKeepsTheJapaneseSourceText() {
        navigate(CaseDetailView.class, "17");
        assertThat(find(Span.class).withText("Source: MHLW casebook (2022), Case 17, practice ①").exists()).isTrue();
        // The case texts are the seed's own words and stay Japanese.
        assertThat(find(H2.class).single().getText()).isEqualTo("一般社団法人柏市医師会（柏モデル）");
    }
}
