package jp.kakaritsuke.scoring.service;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.scoring.domain.Reason;
import org.springframework.stereotype.Service;

/**
 * Turns reasons into sentences in the user's language: role codes become role names, case numbers 事例N, keys such as
 * {@code facilityType.CLINIC} their label.
 */
@Service
public class ReasonTexts {

    private final CaseLibraryService caseLibrary;

    public ReasonTexts(CaseLibraryService caseLibrary) {
        this.caseLibrary = caseLibrary;
    }

    @Anyone("formats reasons with the published case library; no facility data")
    public String render(Reason reason, Locale locale) {
        ResourceBundle bundle = AppI18NProvider.bundle(locale);
        CaseLibrary library = caseLibrary.library();
        Object[] args = reason.args().stream().map(a -> arg(a, bundle, library, locale)).toArray();
        return new MessageFormat(bundle.getString(reason.key()), locale).format(args);
    }

    @Anyone("formats reasons with the published case library; no facility data")
    public List<String> render(List<Reason> reasons, Locale locale) {
        return reasons.stream().map(r -> render(r, locale)).toList();
    }

    /** A role's name in the user's language (the code itself for an unknown role). */
    @Anyone("a role's name from the published case library")
    public String roleName(String roleCode, Locale locale) {
        return caseLibrary.library().role(roleCode).map(r -> r.name(locale)).orElse(roleCode);
    }

    private Object arg(Object a, ResourceBundle bundle, CaseLibrary library, Locale locale) {
        if (a instanceof List<?> list) {
            return list.stream().map(x -> String.valueOf(arg(x, bundle, library, locale)))
                    .collect(Collectors.joining(bundle.getString("reason.listSeparator")));
        }
        if (a instanceof String s) {
            if (library.role(s).isPresent()) {
                return library.role(s).get().name(locale);
            }
            if (library.caseStudy(s).isPresent()) {
                SourceReference ref = library.caseStudy(s).get().source();
                return ref.isReferenceCase()
                        ? MessageFormat.format(bundle.getString("source.reference"), ref.bareCaseNumber())
                        : MessageFormat.format(bundle.getString("source.case"), ref.caseNumber());
            }
            if (bundle.containsKey(s)) {
                return bundle.getString(s);
            }
        }
        return a;
    }
}
