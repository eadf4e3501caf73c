package jp.kakaritsuke.caselibrary.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.SurveyAnswer;
import jp.kakaritsuke.caselibrary.domain.SurveyQuestion;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;

/**
 * The 衛生部長会 survey: pick a question to read all its answers, or a prefecture/city to read everything it
 * answered; both together narrow to one answer.
 */
@Route("survey")
@PermitAll
class SurveyView extends VerticalLayout implements HasDynamicTitle {

    private final CaseLibrary library;
    final ComboBox<SurveyQuestion> question = new ComboBox<>();
    final ComboBox<String> respondent = new ComboBox<>();
    final Grid<SurveyAnswer> grid = new Grid<>();
    private final Paragraph questionText = new Paragraph();
    private final Span count = new Span();

    SurveyView(CaseLibraryService service) {
        this.library = service.library();
        setSizeFull();

        question.setLabel(getTranslation("survey.question"));
        question.setItems(library.survey());
        question.setItemLabelGenerator(q -> getTranslation("survey.questionLabel", q.number(), q.title()));
        question.setClearButtonVisible(true);
        question.setWidth("32rem");
        respondent.setLabel(getTranslation("survey.respondent"));
        respondent.setItems(library.surveyRespondents());
        respondent.setClearButtonVisible(true);
        question.addValueChangeListener(e -> refresh());
        respondent.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(question, respondent, count);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        questionText.addClassName("question-text");

        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(a -> getTranslation("survey.answerNumber", a.questionNumber(), a.number())).setHeader(getTranslation("survey.col.number"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SurveyAnswer::respondent).setHeader(getTranslation("survey.col.respondent")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> getTranslation("respondentType." + a.respondentType().name()))
                .setHeader(getTranslation("survey.col.type")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(SurveyView::answerText)).setHeader(getTranslation("survey.col.answer"))
                .setFlexGrow(1);

        Paragraph source = new Paragraph(getTranslation("survey.source"));
        source.addClassName("hint");
        add(new H2(getTranslation("survey.title")), source, filters, questionText, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private static Div answerText(SurveyAnswer a) {
        Div div = new Div();
        div.addClassName("answer-text");
        div.setText(a.text());
        return div;
    }

    void refresh() {
        SurveyQuestion q = question.getValue();
        String who = respondent.getValue();
        List<SurveyAnswer> answers = (q == null ? library.survey() : List.of(q)).stream()
                .flatMap(x -> x.answers().stream())
                .filter(a -> who == null || a.respondent().equals(who))
                .toList();
        questionText.setText(q == null ? "" : q.questionText() + (q.answerNote() == null ? "" : "\n" + q.answerNote()));
        questionText.setVisible(q != null);
        grid.setItems(answers);
        count.setText(getTranslation("survey.count", answers.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.title") + " | " + getTranslation("app.title");
    }
}
