package jp.kakaritsuke.reports.service;

import java.util.Locale;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.xlsx.ReportSheet;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerComparison.Withheld;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.domain.RoleDistribution;
import jp.kakaritsuke.peers.domain.RoleDistribution.Spread;
import jp.kakaritsuke.peers.service.PeerService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The board report's summary, below the roles' table: the round among its default peer group (role, level, median,
 * quartile range, percentile, count) as on the result page, or the reason nothing is shown. A withheld comparison is
 * a sentence, never a failed report; a reader the peers service refuses gets no block at all (like the plan sheet).
 */
@Component
class PeerSummary {

    private final PeerService peers;
    private final CaseLibraryService caseLibrary;
    private final AppI18NProvider i18n = new AppI18NProvider();

    PeerSummary(PeerService peers, CaseLibraryService caseLibrary) {
        this.peers = peers;
        this.caseLibrary = caseLibrary;
    }

    /** Adds the block at the sheet's next row (after a blank one). */
    void addTo(ReportSheet s, long roundId, Locale locale) {
        PeerComparison c;
        try {
            c = peers.defaultGroupInReport(roundId);
        } catch (AccessDeniedException e) {
            return;
        }
        if (c.withheld() == Withheld.NOT_COMPARABLE) {
            return;
        }
        s.blank().title(t("report.peers.title", locale, describe(c.group(), locale)));
        if (c.withheld() != null) {
            s.row(t("peers.withheld." + c.withheld().name(), locale));
            return;
        }
        s.row(t("report.peers.size", locale, c.size()));
        s.header(false, t("peers.col.role", locale), t("peers.col.own", locale), t("peers.col.median", locale),
                t("peers.col.spread", locale), t("peers.col.percentile", locale), t("peers.col.count", locale));
        CaseLibrary library = caseLibrary.library();
        for (RoleDistribution r : c.roles()) {
            Spread spread = r.spread();
            String role = library.roleName(r.role(), locale);
            // levels and counts stay number cells (they can be sorted and charted); the range is text
            if (spread == null) {
                s.row(role, r.facilityLevel(), t("peers.role.tooFew", locale));
            } else {
                s.row(role, r.facilityLevel(), spread.median(), t("peers.range", locale, spread.q1(), spread.q3()),
                        spread.percentile(), spread.count());
            }
        }
    }

    private String describe(@org.jspecify.annotations.Nullable PeerGroup g, Locale locale) {
        return g == null ? "" : g.describe(key -> t(key, locale));
    }

    private String t(String key, Locale locale, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }
}
