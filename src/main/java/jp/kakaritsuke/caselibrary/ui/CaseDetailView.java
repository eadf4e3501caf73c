package jp.kakaritsuke.caselibrary.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import jp.kakaritsuke.caselibrary.service.CaseLabels;
import jp.kakaritsuke.caselibrary.domain.Beds;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.Highlight;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;

/** One case: overview, region features, practices with their roles and source reference (事例N 取組①). */
@Route("cases")
@PermitAll
class CaseDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final CaseLibrary library;
    private CaseStudy caseStudy;

    CaseDetailView(CaseLibraryService service) {
        this.library = service.library();
        addClassName("case-detail-view");
        setMaxWidth("72em");
    }

    @Override
    public void setParameter(BeforeEvent event, String number) {
        caseStudy = library.caseStudy(number).orElseThrow(() -> new NotFoundException(number));
        removeAll();
        render(caseStudy);
    }

    /** Link target of a case, usable by other views and modules. */
    static String location(String caseNumber) {
        return RouteConfiguration.forSessionScope().getUrl(CaseDetailView.class, caseNumber);
    }

    private void render(CaseStudy c) {
        Locale locale = getLocale();
        Anchor back = new Anchor("", getTranslation("detail.back"));
        Span source = new Span(CaseLabels.source(getLocale(), c.source()) + " · " + CaseLabels.category(getLocale(), c.category()));
        source.addClassName("source-ref");
        add(back, source, new H2(c.name()));

        if (!c.markedRoles().isEmpty()) {
            add(labelled(getTranslation("detail.roles"), new RoleChips(library, c.markedRoles(), false, locale, "")));
        }
        if (!c.derivedRoles().isEmpty()) {
            add(labelled(getTranslation("detail.derivedRoles"),
                    new RoleChips(library, c.derivedRoles(), true, locale, getTranslation("derived.tooltip"))));
        }

        Section overview = new Section(new H3(getTranslation("detail.overview")));
        overview.add(field(getTranslation("detail.location"), c.locationText()));
        overview.add(field(getTranslation("detail.facilityType"),
                c.facilityTypeDetail() != null ? c.facilityTypeDetail() : c.facilityType()));
        if (!c.beds().isEmpty()) {
            overview.add(field(getTranslation("detail.beds"), beds(c.beds())));
        }
        if (c.overview() != null) {
            overview.add(field(getTranslation("detail.other"), c.overview()));
        }
        add(overview);

        if (!c.highlights().isEmpty()) {
            Section highlights = new Section(new H3(getTranslation("detail.highlights")));
            UnorderedList list = new UnorderedList();
            for (Highlight h : c.highlights()) {
                String prefix = h.practiceNumber() == null ? "" : SourceReference.circled(h.practiceNumber()) + " ";
                list.add(new ListItem(prefix + h.text()));
            }
            highlights.add(list);
            add(highlights);
        }

        if (!c.regionFeatures().isEmpty()) {
            Section region = new Section(new H3(getTranslation("detail.regionFeatures")));
            UnorderedList list = new UnorderedList();
            c.regionFeatures().forEach(f -> list.add(new ListItem(f)));
            region.add(list);
            add(region);
        }

        Section practices = new Section(new H3(getTranslation("detail.practices")));
        for (Practice p : c.practices()) {
            practices.add(practice(p, locale));
        }
        add(practices);
    }

    private Component practice(Practice p, Locale locale) {
        Div card = new Div();
        card.addClassName("practice-card");
        card.setId("practice-" + p.number());
        card.add(new H4(SourceReference.circled(p.number()) + " " + p.title()));
        card.add(new RoleChips(library, p.roleCodes(), p.rolesDerived(), locale, getTranslation("derived.tooltip")));
        for (String paragraph : p.body().split("\n\n")) {
            Paragraph para = new Paragraph(paragraph);
            para.addClassName("practice-text");
            card.add(para);
        }
        Span ref = new Span(getTranslation("detail.source", CaseLabels.source(getLocale(), p.source())));
        ref.addClassName("source-ref");
        card.add(ref);
        return card;
    }

    private String beds(Beds b) {
        StringBuilder s = new StringBuilder(getTranslation("beds.total", b.total()));
        StringBuilder parts = new StringBuilder();
        append(parts, "beds.general", b.general());
        append(parts, "beds.longTerm", b.longTerm());
        append(parts, "beds.psychiatric", b.psychiatric());
        append(parts, "beds.infectious", b.infectious());
        if (!parts.isEmpty()) {
            s.append(getTranslation("beds.breakdown", parts.toString()));
        }
        return s.toString();
    }

    private void append(StringBuilder parts, String key, Integer value) {
        if (value != null) {
            if (!parts.isEmpty()) {
                parts.append(getTranslation("beds.separator"));
            }
            parts.append(getTranslation(key, value));
        }
    }

    private static Component field(String label, String value) {
        Div row = new Div();
        row.addClassName("field");
        Span l = new Span(label);
        l.addClassName("field-label");
        Div v = new Div();
        v.addClassName("field-value");
        v.setText(value);
        row.add(l, v);
        return row;
    }

    private static Component labelled(String label, Component content) {
        Div row = new Div();
        row.addClassName("field");
        Span l = new Span(label);
        l.addClassName("field-label");
        row.add(l, content);
        return row;
    }

    @Override
    public String getPageTitle() {
        return (caseStudy == null ? "" : CaseLabels.source(getLocale(), caseStudy.source()) + " " + caseStudy.name() + " | ")
                + getTranslation("app.title");
    }
}
