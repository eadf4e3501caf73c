package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.functionreport.domain.CrosswalkLink;
import jp.kakaritsuke.functionreport.domain.ReportEdition;

/**
 * 「この役割は報告の (ハ) 在宅医療の提供 に関係します」 under each role of a result: the crosswalk of the current report
 * edition, with the reason folded, marked as this service's mapping (derived data, not the report's). Empty (and
 * hidden) when the edition has no links for the roles shown. The link to the 報告準備 page is given only when
 * {@code preparationHref} is not null (facilities that file the report, for their own people).
 */
class CrosswalkPanel extends Div {

    CrosswalkPanel(ReportEdition edition, List<RoleCode> roleCodes, Function<RoleCode, String> roleName,
                   String preparationHref) {
        addClassName("crosswalk-panel");
        setId("crosswalk");
        boolean any = false;
        Div roles = new Div();
        roles.addClassName("crosswalk-roles");
        for (RoleCode role : roleCodes) {
            List<CrosswalkLink> links = edition == null ? List.of() : edition.crosswalkForRole(role);
            if (links.isEmpty()) {
                continue;
            }
            any = true;
            Div block = new Div();
            block.addClassName("crosswalk-role");
            block.getElement().setAttribute("data-role", role.name());
            Span name = new Span(roleName.apply(role));
            name.addClassName("crosswalk-role-name");
            block.add(name);
            for (CrosswalkLink link : links) {
                block.add(linkDetails(edition, link));
            }
            roles.add(block);
        }
        setVisible(any);
        if (!any) {
            return;
        }
        Span ours = new Span(getTranslation("crosswalk.ours"));
        ours.getElement().getThemeList().add("badge contrast");
        ours.addClassName("crosswalk-ours");
        Paragraph note = new Paragraph(getTranslation("crosswalk.ownNote"));
        note.addClassName("hint");
        add(new H3(getTranslation("crosswalk.title")), ours, note, roles);
        if (preparationHref != null) {
            Anchor prepare = new Anchor(preparationHref, getTranslation("crosswalk.prepare"));
            prepare.addClassName("crosswalk-prepare");
            add(prepare);
        }
    }

    /** 「この役割は報告の (ハ) 在宅医療の提供 に関係します」, or with the item's wording for an item-level link. */
    static String sentence(com.vaadin.flow.component.Component in, Locale locale, ReportEdition edition, CrosswalkLink link) {
        String function = in.getTranslation("functionreport.function." + link.function().name());
        return link.itemCode() == null
                ? in.getTranslation("crosswalk.function", function)
                : in.getTranslation("crosswalk.item", function, edition.item(link.itemCode())
                        .map(i -> i.wording(locale)).orElse(link.itemCode()));
    }

    private Details linkDetails(ReportEdition edition, CrosswalkLink link) {
        Locale locale = getLocale();
        Details details = new Details();
        details.setSummaryText(sentence(this, locale, edition, link));
        Paragraph reason = new Paragraph(getTranslation("crosswalk.reason") + ": " + link.reason(locale));
        reason.addClassName("crosswalk-reason");
        details.add(reason);
        details.addClassName("crosswalk-link");
        details.getElement().setAttribute("data-function", link.function().name());
        return details;
    }
}
