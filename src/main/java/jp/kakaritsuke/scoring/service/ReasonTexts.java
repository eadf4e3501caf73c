package jp.kakaritsuke.scoring.service;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.scoring.domain.Reason;
import jp.kakaritsuke.scoring.domain.Reason.Label;
import org.springframework.stereotype.Service;

/**
 * Turns reasons into sentences in the user's language. Each argument is rendered by its type ({@link Reason}): a role
 * becomes its name, a case 事例N / 参考N, a {@link Label} its translation; nothing is guessed from a string's content.
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

    /** A role's name in the user's language. */
    @Anyone("a role's name from the published case library")
    public String roleName(RoleCode roleCode, Locale locale) {
        return caseLibrary.library().roleName(roleCode, locale);
    }

    private static Object arg(Object a, ResourceBundle bundle, CaseLibrary library, Locale locale) {
        return switch (a) {
            case List<?> list -> list.stream().map(x -> String.valueOf(arg(x, bundle, library, locale)))
                    .collect(Collectors.joining(bundle.getString("reason.listSeparator")));
            case RoleCode role -> library.roleName(role, locale);
            case SourceReference ref -> ref.isReferenceCase()
                    ? MessageFormat.format(bundle.getString("source.reference"), ref.bareCaseNumber())
                    : MessageFormat.format(bundle.getString("source.case"), ref.caseNumber());
            case Label label -> bundle.getString(label.key());
            default -> a;
        };
    }
}
