package jp.kakaritsuke.functionreport.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One item of the report, as its 報告項目一覧 lists it.
 * <ul>
 * <li>{@code code}: ours, stable across editions while the meaning holds ({@code NO2A.ROTA}); {@code itemNo}: the
 * number the 一覧 prints for it within its function ("1", "11"), null where the source seen does not show it.</li>
 * <li>{@code confirmed}: false when wording, choices, number or period could not be checked against the source;
 * {@code unconfirmedNote} then says what is unconfirmed and what the nearest evidence is.</li>
 * <li>{@code source}: where it was read, e.g. 「報告マニュアル(2025-11-04) p.62」.</li>
 * <li>{@code dependsOnItem}/{@code dependsOnChoice}: asked only when that item has that choice (No.5 after No.4 有り).</li>
 * <li>{@code min}/{@code max}/{@code decimals}: NUMBER only.</li>
 * </ul>
 */
public record ReportItem(String code, ReportFunction function, int seq, String itemNo, String categoryJa,
                         String categoryEn, String wordingJa, String wordingEn, String helpJa, String helpEn,
                         ItemAnswerType type, List<ReportChoice> choices, BigDecimal min, BigDecimal max, int decimals,
                         ItemPeriod period, GmisPrefill gmis, boolean requiredForNo1, String dependsOnItem,
                         Integer dependsOnChoice, boolean confirmed, String unconfirmedNote, String source) {

    public ReportItem {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public Optional<ReportChoice> choice(int code) {
        return choices.stream().filter(c -> c.code() == code).findFirst();
    }

    public String wording(Locale locale) {
        return english(locale) && wordingEn != null ? wordingEn : wordingJa;
    }

    public String help(Locale locale) {
        return english(locale) && helpEn != null ? helpEn : helpJa;
    }

    public String category(Locale locale) {
        return english(locale) && categoryEn != null ? categoryEn : categoryJa;
    }

    static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
