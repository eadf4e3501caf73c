package jp.kakaritsuke.scoring.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLabels;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.domain.Recommendation.PracticeGroup;
import jp.kakaritsuke.scoring.domain.Recommendation.RecommendedPractice;
import jp.kakaritsuke.scoring.domain.Recommendation.SimilarCase;
import jp.kakaritsuke.scoring.service.ReasonTexts;

/**
 * "Facilities like yours did this": the most similar cases as cards (similarity, reasons, link, and a toggle that
 * overlays the case on the radar, one case at a time), then the recommended practices in their groups — per priority
 * role, then per weak role — each with 「次のレベルに上がるには」, and per practice what the case's facility did (a quote
 * with its source) and one sentence on why it fits.
 */
// never a page (not registered): its own chunk of the production bundle, loaded where it is shown (base.ui.extension)
@Route(value = "chunk/recommendation-panel", registerAtStartup = false)
public class RecommendationPanel extends Div {

    public static final int CASES_SHOWN = 5;

    final Div cases = new Div();
    final Div practices = new Div();
    /** Says which case is overlaid on the radar; hidden while none is. */
    final Paragraph overlayLegend = new Paragraph();
    final Map<String, Button> overlayButtons = new LinkedHashMap<>();
    String overlaid;

    public RecommendationPanel(Recommendation recommendation, CaseLibrary library, ReasonTexts texts,
                               Consumer<CaseStudy> overlay) {
        this(recommendation, library, texts, overlay, null, null);
    }

    /**
     * @param overlay         shows a case on the radar; called with null to remove it again (null = no overlay buttons)
     * @param nextLevelAnchor the anchor text of the level after the facility's current one, by role code (null = none)
     * @param addToPlan       called by 「行動計画に追加」 with the group's role code and the practice (null = no button)
     */
    public RecommendationPanel(Recommendation recommendation, CaseLibrary library, ReasonTexts texts,
                               Consumer<CaseStudy> overlay, Function<RoleCode, String> nextLevelAnchor,
                               BiConsumer<RoleCode, RecommendedPractice> addToPlan) {
        addClassName("recommendation-panel");
        Locale locale = getLocale();
        cases.addClassName("similar-cases");
        for (SimilarCase c : recommendation.similarCases().subList(0, Math.min(CASES_SHOWN, recommendation.similarCases().size()))) {
            cases.add(card(c, library, texts, locale, overlay));
        }
        Paragraph casesHint = new Paragraph(getTranslation("recommendation.casesHint"));
        casesHint.addClassName("hint");
        overlayLegend.addClassName("overlay-legend");
        overlayLegend.getElement().setAttribute("role", "status");
        overlayLegend.setVisible(false);
        add(new H3(getTranslation("recommendation.similarCases")), casesHint, cases, overlayLegend);

        practices.addClassName("practice-groups");
        for (PracticeGroup g : recommendation.groups()) {
            practices.add(group(g, library, texts, locale, nextLevelAnchor, addToPlan));
        }
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
        Anchor name = new Anchor("cases/" + c.number(), CaseLabels.source(getLocale(), cs.source()) + " " + c.name());
        FlexLayout reasons = new FlexLayout();
        reasons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        reasons.addClassName("reasons");
        texts.render(c.reasons(), locale).forEach(t -> {
            Span chip = new Span(t);
            chip.getElement().getThemeList().add("badge contrast pill");
            reasons.add(chip);
        });
        card.add(similarity, new Div(name), reasons);
        if (overlay != null) {
            Button toggle = new Button();
            toggle.addClassName("overlay-toggle");
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            overlayButtons.put(c.number(), toggle);
            showPressed(toggle, cs, false);
            toggle.addClickListener(e -> toggle(cs, overlay));
            card.add(toggle);
        }
        return card;
    }

    /** One case at a time: pressing another case moves the overlay there, pressing the same case removes it. */
    void toggle(CaseStudy cs, Consumer<CaseStudy> overlay) {
        String label = CaseLabels.source(getLocale(), cs.source()) + " " + cs.name();
        if (cs.number().equals(overlaid)) {
            overlaid = null;
            overlay.accept(null);
            showPressed(overlayButtons.get(cs.number()), cs, false);
            overlayLegend.setVisible(false);
            Notification.show(getTranslation("recommendation.overlayRemoved", label), 3000, Notification.Position.BOTTOM_START);
            return;
        }
        if (overlaid != null) {
            Button previous = overlayButtons.get(overlaid);
            showPressed(previous, null, false);
        }
        overlaid = cs.number();
        overlay.accept(cs);
        showPressed(overlayButtons.get(cs.number()), cs, true);
        overlayLegend.setText(getTranslation("recommendation.overlayLegend", label));
        overlayLegend.setVisible(true);
        Notification.show(getTranslation("recommendation.overlaid", label), 3000, Notification.Position.BOTTOM_START);
    }

    private void showPressed(Button button, CaseStudy cs, boolean pressed) {
        String caseLabel = cs == null ? String.valueOf(button.getElement().getProperty("caseLabel", ""))
                : CaseLabels.source(getLocale(), cs.source());
        button.getElement().setProperty("caseLabel", caseLabel);
        button.setText(getTranslation(pressed ? "recommendation.overlayStop" : "recommendation.overlay"));
        button.setAriaLabel(getTranslation(pressed ? "recommendation.overlayStopLabel" : "recommendation.overlayLabel", caseLabel));
        button.getElement().setAttribute("aria-pressed", String.valueOf(pressed));
        if (pressed) {
            button.removeThemeVariants(ButtonVariant.LUMO_TERTIARY);
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
    }

    private Div group(PracticeGroup g, CaseLibrary library, ReasonTexts texts, Locale locale,
                      Function<RoleCode, String> nextLevelAnchor, BiConsumer<RoleCode, RecommendedPractice> addToPlan) {
        Div section = new Div();
        section.addClassName("practice-group");
        section.getElement().setAttribute("data-role", g.roleCode().name());
        section.getElement().setAttribute("data-kind", g.kind().name());
        String roleName = library.roleName(g.roleCode(), locale);
        H4 heading = new H4(getTranslation("recommendation.groupHeading." + g.kind().name(), roleName, g.level()));
        Paragraph why = new Paragraph(getTranslation("recommendation.groupWhy." + g.kind().name(), g.level()));
        why.addClassName("group-why");
        section.add(heading, why);

        Div next = new Div();
        next.addClassName("next-level");
        next.add(new Span(getTranslation("recommendation.nextLevel")));
        if (g.level() >= 4) {
            next.add(new Paragraph(getTranslation("recommendation.nextLevelTop")));
        } else if (nextLevelAnchor != null) {
            String anchor = nextLevelAnchor.apply(g.roleCode());
            if (anchor != null && !anchor.isBlank()) {
                next.add(new Paragraph(getTranslation("recommendation.nextLevelText", g.level() + 1, anchor)));
            }
        }
        section.add(next);

        if (g.practices().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("recommendation.noPractice", roleName));
            none.addClassName("no-practice");
            section.add(none);
            return section;
        }
        Span how = new Span(getTranslation("recommendation.howTo"));
        how.addClassName("how-to");
        section.add(how);
        UnorderedList ul = new UnorderedList();
        g.practices().forEach(p -> ul.add(practice(g.roleCode(), p, library, texts, locale, addToPlan)));
        section.add(ul);
        return section;
    }

    private ListItem practice(RoleCode roleCode, RecommendedPractice p, CaseLibrary library, ReasonTexts texts, Locale locale,
                              BiConsumer<RoleCode, RecommendedPractice> addToPlan) {
        ListItem item = new ListItem();
        item.addClassName("recommended-practice");
        SourceReference ref = new SourceReference(p.caseNumber(), p.practiceNumber());
        String source = CaseLabels.source(getLocale(), ref);
        Anchor title = new Anchor("cases/" + p.caseNumber() + "#practice-" + p.practiceNumber(), p.title());
        title.addClassName("practice-title");
        Span caseName = new Span(source + " · " + library.caseStudy(p.caseNumber()).map(CaseStudy::name).orElse(""));
        caseName.addClassName("source-ref");
        item.add(title, new Div(caseName));

        // the seed's own words are a quotation; a summary we wrote is not
        HtmlContainer quote = p.summaryDerived() ? new Div() : new Quote();
        quote.addClassName("practice-summary");
        quote.getElement().setAttribute("data-derived", String.valueOf(p.summaryDerived()));
        Paragraph text = new Paragraph(p.summaryDerived() ? p.summary() : "「" + p.summary() + "」");
        text.addClassName("summary-text");
        Span cite = new Span(p.summaryDerived()
                ? getTranslation("recommendation.summaryDerived", source)
                : getTranslation("recommendation.summarySource", source));
        cite.addClassName("summary-source");
        quote.add(text, cite);
        item.add(quote);

        Paragraph why = new Paragraph(texts.render(p.why(), locale));
        why.addClassName("practice-reason");
        item.add(why);
        if (addToPlan != null) {
            Button add = new Button(getTranslation("recommendation.addToPlan"), e -> addToPlan.accept(roleCode, p));
            add.addClassName("add-to-plan");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add.setAriaLabel(getTranslation("recommendation.addToPlanLabel", p.title()));
            item.add(add);
        }
        return item;
    }

    @Tag("blockquote")
    static final class Quote extends HtmlContainer {
    }
}
