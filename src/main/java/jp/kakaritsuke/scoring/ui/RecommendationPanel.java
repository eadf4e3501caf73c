package jp.kakaritsuke.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.ui.CaseLabels;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.domain.Recommendation.RecommendedPractice;
import jp.kakaritsuke.scoring.domain.Recommendation.SimilarCase;
import jp.kakaritsuke.scoring.service.ReasonTexts;

/**
 * "Facilities like yours did this": the most similar cases as cards (similarity, reasons, link, and a button to
 * overlay the case on the radar), then the recommended practices grouped by the role they serve.
 */
public class RecommendationPanel extends Div {

    public static final int CASES_SHOWN = 5;

    final Div cases = new Div();
    final Div practices = new Div();

    public RecommendationPanel(Recommendation recommendation, CaseLibrary library, ReasonTexts texts,
                               Consumer<CaseStudy> overlay) {
        addClassName("recommendation-panel");
        Locale locale = getLocale();
        cases.addClassName("similar-cases");
        for (SimilarCase c : recommendation.similarCases().subList(0, Math.min(CASES_SHOWN, recommendation.similarCases().size()))) {
            cases.add(card(c, library, texts, locale, overlay));
        }
        Paragraph casesHint = new Paragraph(getTranslation("recommendation.casesHint"));
        casesHint.addClassName("hint");
        add(new H3(getTranslation("recommendation.similarCases")), casesHint, cases);

        // grouped by the first role each practice serves for this facility, in the roles' order
        Map<String, List<RecommendedPractice>> byRole = new LinkedHashMap<>();
        library.roles().forEach(r -> recommendation.practices().stream()
                .filter(p -> p.roles().getFirst().equals(r.code()))
                .forEach(p -> byRole.computeIfAbsent(r.code(), k -> new java.util.ArrayList<>()).add(p)));
        byRole.forEach((role, list) -> {
            practices.add(new H4(library.role(role).map(r -> r.name(locale)).orElse(role)));
            UnorderedList ul = new UnorderedList();
            list.forEach(p -> ul.add(practice(p, library, texts, locale)));
            practices.add(ul);
        });
        Paragraph practicesHint = new Paragraph(getTranslation("recommendation.practicesHint"));
        practicesHint.addClassName("hint");
        add(new H3(getTranslation("recommendation.practices")), practicesHint, practices);
    }

    private Div card(SimilarCase c, CaseLibrary library, ReasonTexts texts, Locale locale, Consumer<CaseStudy> overlay) {
        Div card = new Div();
        card.addClassName("case-card");
        CaseStudy cs = library.caseStudy(c.number()).orElseThrow();
        Span similarity = new Span(getTranslation("recommendation.similarity", Math.round(c.similarity() * 100)));
        similarity.getElement().getThemeList().add("badge success pill");
        Anchor name = new Anchor("cases/" + c.number(), CaseLabels.source(this, cs.source()) + " " + c.name());
        FlexLayout reasons = new FlexLayout();
        reasons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        reasons.addClassName("reasons");
        texts.render(c.reasons(), locale).forEach(t -> {
            Span chip = new Span(t);
            chip.getElement().getThemeList().add("badge contrast pill");
            reasons.add(chip);
        });
        Button show = new Button(getTranslation("recommendation.overlay"), e -> overlay.accept(cs));
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        card.add(similarity, new Div(name), reasons, show);
        return card;
    }

    private ListItem practice(RecommendedPractice p, CaseLibrary library, ReasonTexts texts, Locale locale) {
        ListItem item = new ListItem();
        item.addClassName("recommended-practice");
        SourceReference ref = new SourceReference(p.caseNumber(), p.practiceNumber());
        Anchor title = new Anchor("cases/" + p.caseNumber() + "#practice-" + p.practiceNumber(), p.title());
        Span source = new Span(CaseLabels.source(this, ref) + " · "
                + library.caseStudy(p.caseNumber()).map(CaseStudy::name).orElse(""));
        source.addClassName("source-ref");
        Span why = new Span(String.join(getTranslation("recommendation.reasonSeparator"), texts.render(p.reasons(), locale)));
        why.addClassName("practice-reason");
        item.add(title, new Div(source), new Div(why));
        return item;
    }
}
