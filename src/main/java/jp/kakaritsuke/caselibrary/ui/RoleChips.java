package jp.kakaritsuke.caselibrary.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.util.Collection;
import java.util.Locale;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/** Role names as small badges; derived tags are styled differently and say so in their tooltip. */
final class RoleChips extends FlexLayout {

    RoleChips(CaseLibrary library, Collection<RoleCode> roleCodes, boolean derived, Locale locale, String derivedTooltip) {
        addClassName("role-chips");
        setFlexWrap(FlexWrap.WRAP);
        for (RoleCode code : roleCodes) {
            Span chip = new Span(library.roleName(code, locale));
            chip.getElement().getThemeList().add(derived ? "badge contrast pill" : "badge pill");
            chip.addClassName(derived ? "role-chip-derived" : "role-chip");
            if (derived) {
                chip.getElement().setAttribute("title", derivedTooltip);
            }
            add(chip);
        }
    }
}
