package jp.kakaritsuke.functionreport.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;

/**
 * The workbook the director takes to G-MIS, as a pure function of the edition, the preparation and the language (the
 * service reads and authorises; this only writes), so every sheet can be tested with hand-built records:
 * <ol>
 * <li>「報告項目」: every item in the 一覧's order under its function's heading, the answer as the report's choice text;</li>
 * <li>「院内掲示（案）」: a one-page A4 draft for the waiting room, from the answers, only once 1号 is met;</li>
 * <li>「提出までのチェックリスト」: what remains before the prefecture's deadline.</li>
 * </ol>
 * Everything here is derived by us from the answers and says so on the sheet.
 */
final class PreparationWorkbook {

    /** The items the 院内掲示 draft reads (fixed codes of the contract). */
    static final String POSTING = "NO1.POSTING";
    static final String TRAINING = "NO1.TRAINING";
    static final String GP_SPECIALIST = "NO1.GP_SPECIALIST";
    static final String PRIMARY_CARE_AREAS = "NO1.PRIMARY_CARE_AREAS";
    static final String CONSULTATION = "NO1.CONSULTATION";

    /** Columns of the items sheet. */
    static final int COL_NO = 0;
    static final int COL_CATEGORY = 1;
    static final int COL_WORDING = 2;
    static final int COL_ANSWER = 3;
    static final int COL_PERIOD = 4;
    static final int COL_GMIS = 5;
    static final int COL_SOURCE = 6;
    static final int COL_STATE = 7;
    private static final int[] ITEM_WIDTHS = {6, 22, 44, 30, 24, 20, 36, 18};
    private static final int[] CHECK_WIDTHS = {4, 16, 52, 52};
    /** The notice is one column as wide as an A4 page in portrait. */
    private static final int NOTICE_WIDTH = 86;

    static final String CHECKBOX = "☐";

    /** Where an item stands, as its 状態 column says. */
    enum ItemState { UNANSWERED, NOT_ASKED, CARRIED, PREFILLED, CONFIRMED }

    private final ReportEdition edition;
    private final PreparationView view;
    private final Locale locale;
    private final ResourceBundle bundle;
    /** When, in the clock's zone: the zone every time in the workbook is written in. */
    private final ZonedDateTime generatedAt;
    private final Map<String, PreparationAnswer> answers;

    private PreparationWorkbook(ReportEdition edition, PreparationView view, Locale locale, ZonedDateTime generatedAt) {
        this.edition = edition;
        this.view = view;
        this.locale = AppI18NProvider.supported(locale);
        this.bundle = AppI18NProvider.bundle(this.locale);
        this.generatedAt = generatedAt;
        this.answers = view.answers() == null ? Map.of() : view.answers();
    }

    /** The .xlsx bytes: items, 院内掲示 draft, checklist. */
    static byte[] build(ReportEdition edition, PreparationView view, Locale locale, ZonedDateTime generatedAt) throws IOException {
        return new PreparationWorkbook(edition, view, locale, generatedAt).write();
    }

    private byte[] write() throws IOException {
        try (XlsxBook book = new XlsxBook()) {
            String pages = t("prepxlsx.pageFooter");
            String header = view.facilityName() == null ? "" : view.facilityName();
            items(book.sheet(t("prepxlsx.sheet.items"), true, header, pages));
            notice(book.sheet(t("prepxlsx.sheet.notice"), false, "", ""));
            checklist(book.sheet(t("prepxlsx.sheet.checklist"), false, header, pages));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    // ---------------------------------------------------------------- sheet 1: the items

    private void items(XlsxSheet s) {
        s.widths(ITEM_WIDTHS);
        s.line(t("prepxlsx.items.title", view.reportYear()), s.book.title);
        s.line(t("prepxlsx.facility", view.facilityName()), s.book.plain);
        s.line(t("prepxlsx.edition", edition.title(locale), edition.year()), s.book.plain);
        if (edition.year() < view.reportYear()) {
            s.line(t("prepxlsx.editionOlder", view.reportYear(), edition.year()), s.book.plain);
        }
        s.line(t("prepxlsx.status", statusText()), s.book.plain);
        s.line(t("prepxlsx.generated", dateTime(generatedAt.toInstant())), s.book.plain);
        s.line(t("prepxlsx.items.derived"), s.book.plain);
        s.blank();
        s.header(true, t("prepxlsx.col.no"), t("prepxlsx.col.category"), t("prepxlsx.col.item"), t("prepxlsx.col.answer"),
                t("prepxlsx.col.period"), t("prepxlsx.col.gmis"), t("prepxlsx.col.source"), t("prepxlsx.col.state"));
        ReportFunction current = null;
        for (ReportItem item : edition.items()) {
            if (item.function() != current) {
                current = item.function();
                s.heading(t("prepxlsx.function." + current.name()), ITEM_WIDTHS.length);
            }
            PreparationAnswer a = answers.get(item.code());
            ItemState state = state(item);
            var row = s.row();
            s.text(row, COL_NO, item.itemNo() == null ? "—" : item.itemNo());
            s.text(row, COL_CATEGORY, item.category(locale));
            s.text(row, COL_WORDING, item.wording(locale));
            if (state == ItemState.NOT_ASKED) {
                s.text(row, COL_ANSWER, t("prepxlsx.notAsked", label(dependency(item)), choiceText(dependency(item),
                        item.dependsOnChoice())));
            } else if (a != null && !a.empty()) {
                if (item.type() == ItemAnswerType.NUMBER && a.number() != null) {
                    s.number(row, COL_ANSWER, a.number(), item.decimals());
                } else {
                    s.text(row, COL_ANSWER, answerText(item, a));
                }
            }
            s.text(row, COL_PERIOD, period(item.period()));
            s.text(row, COL_GMIS, t("prepxlsx.gmis." + (item.gmis() == null ? GmisPrefill.NO : item.gmis()).name()));
            s.text(row, COL_SOURCE, source(item));
            s.text(row, COL_STATE, t("prepxlsx.state." + state.name()));
            s.fitHeight(row);
        }
        s.landscapeFitWidth();
    }

    private String statusText() {
        if (view.status() == null) {
            return t("prepxlsx.status.NOT_STARTED");
        }
        if (view.status() == PreparationStatus.SUBMITTED && view.submittedAt() != null) {
            return t("prepxlsx.status.SUBMITTED_AT", dateTime(view.submittedAt()));
        }
        return t("prepxlsx.status." + view.status().name());
    }

    /** The source as the edition names it; an item not checked against the manual says so first, with why. */
    private String source(ReportItem item) {
        List<String> parts = new ArrayList<>();
        if (!item.confirmed()) {
            parts.add(t("prepxlsx.unconfirmedItem") + (item.unconfirmedNote() == null ? "" : " " + item.unconfirmedNote()));
        }
        if (item.source() != null) {
            parts.add(item.source());
        }
        String from = view.prefilledFrom() == null ? null : view.prefilledFrom().get(item.code());
        PreparationAnswer a = answers.get(item.code());
        if (a != null && !a.empty() && a.origin() == AnswerOrigin.PREFILLED && from != null) {
            parts.add(t("prepxlsx.prefilledFrom", from));
        }
        if (a != null && !a.empty() && a.origin() == AnswerOrigin.CARRIED && view.carriedFromYear() != null) {
            parts.add(t("prepxlsx.carriedFrom", view.carriedFromYear()));
        }
        return String.join("\n", parts);
    }

    String period(ItemPeriod period) {
        if (period == null) {
            return "";
        }
        ItemPeriod.Range r = period.range(view.reportYear());
        DateTimeFormatter f = DateTimeFormatter.ofPattern(t("prepxlsx.datePattern"), locale);
        return t("prepxlsx.period." + period.name(), f.format(r.from()), f.format(r.to()));
    }

    ItemState state(ReportItem item) {
        PreparationAnswer a = answers.get(item.code());
        if (a == null || a.empty()) {
            return asked(item) ? ItemState.UNANSWERED : ItemState.NOT_ASKED;
        }
        if (!a.confirmed() && a.origin() == AnswerOrigin.CARRIED) {
            return ItemState.CARRIED;
        }
        if (!a.confirmed() && a.origin() == AnswerOrigin.PREFILLED) {
            return ItemState.PREFILLED;
        }
        return ItemState.CONFIRMED;
    }

    /** An item that depends on another (No.5 常勤換算 after No.4 有り) is asked only when that one has the choice. */
    private boolean asked(ReportItem item) {
        if (item.dependsOnItem() == null || item.dependsOnChoice() == null) {
            return true;
        }
        PreparationAnswer on = answers.get(item.dependsOnItem());
        return on != null && on.choices().contains(item.dependsOnChoice());
    }

    private ReportItem dependency(ReportItem item) {
        return edition.item(item.dependsOnItem()).orElse(item);
    }

    /** The answer as the report writes it: 「3:有り(月1回)」, several joined with 「、」, names one per line. */
    String answerText(ReportItem item, PreparationAnswer a) {
        return switch (item.type()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> a.choices().stream().map(c -> choiceText(item, c))
                    .collect(Collectors.joining(t("prepxlsx.choiceSeparator")));
            case NUMBER -> a.number() == null ? "" : a.number().setScale(item.decimals(), java.math.RoundingMode.DOWN).toPlainString();
            case TEXT -> a.text() == null ? "" : a.text();
            case NAME_LIST -> String.join("\n", a.names());
        };
    }

    String choiceText(ReportItem item, Integer code) {
        if (code == null) {
            return "";
        }
        return item.choice(code).map(c -> c.code() + ":" + choiceLabel(c)).orElse(String.valueOf(code));
    }

    private String choiceLabel(ReportChoice c) {
        return english() && c.labelEn() != null ? c.labelEn() : c.labelJa();
    }

    /** 「No.4 総合診療専門医」, or the wording alone where the 一覧's number is not known. */
    String label(ReportItem item) {
        String function = t("prepxlsx.functionShort." + item.function().name());
        return item.itemNo() == null ? function + " " + item.wording(locale)
                : t("prepxlsx.itemLabel", function, item.itemNo(), item.wording(locale));
    }

    // ---------------------------------------------------------------- sheet 2: the 院内掲示 draft

    private void notice(XlsxSheet s) {
        s.widths(NOTICE_WIDTH);
        No1Check no1 = view.no1();
        s.noticeLine(t("prepxlsx.notice.draftBanner"), s.book.noticeDraft);
        s.blank();
        s.noticeLine(t("prepxlsx.notice.title"), s.book.noticeTitle);
        s.blank();
        if (!postable(no1)) {
            s.noticeLine(t("prepxlsx.notice.notYet"), s.book.noticeBold);
            for (String code : no1 == null ? List.<String>of() : no1.unanswered()) {
                edition.item(code).ifPresent(i -> s.noticeLine(t("prepxlsx.notice.unanswered", label(i)), s.book.noticeText));
            }
            for (String code : no1 == null ? List.<String>of() : no1.missing()) {
                edition.item(code).ifPresent(i -> s.noticeLine(t("prepxlsx.notice.missing", label(i)), s.book.noticeText));
            }
            s.blank();
            s.noticeLine(t("prepxlsx.notice.notYetAfter"), s.book.noticeText);
        } else {
            String name = view.facilityName() == null || view.facilityName().isBlank() ? t("prepxlsx.notice.we") : view.facilityName();
            s.noticeLine(t("prepxlsx.notice.no1", name), s.book.noticeText);
            s.blank();
            List<ReportFunction> offered = offered();
            if (!offered.isEmpty()) {
                s.noticeLine(t("prepxlsx.notice.functionsHeading"), s.book.noticeBold);
                for (ReportFunction f : offered) {
                    s.noticeLine(t("prepxlsx.notice.bullet") + t("prepxlsx.notice.function." + f.name()), s.book.noticeText);
                }
                s.blank();
            }
            List<String> areas = areas();
            if (!areas.isEmpty()) {
                s.noticeLine(t("prepxlsx.notice.areasHeading"), s.book.noticeBold);
                s.noticeLine(String.join(t("prepxlsx.choiceSeparator"), areas), s.book.noticeText);
                s.blank();
            }
            List<String> doctors = new ArrayList<>();
            if (fulfilled(GP_SPECIALIST)) {
                doctors.add(t("prepxlsx.notice.bullet") + t("prepxlsx.notice.gpSpecialist"));
            }
            if (fulfilled(TRAINING)) {
                doctors.add(t("prepxlsx.notice.bullet") + t("prepxlsx.notice.training"));
            }
            if (fulfilled(CONSULTATION)) {
                doctors.add(t("prepxlsx.notice.bullet") + t("prepxlsx.notice.consultation"));
            }
            if (!doctors.isEmpty()) {
                s.noticeLine(t("prepxlsx.notice.staffHeading"), s.book.noticeBold);
                doctors.forEach(d -> s.noticeLine(d, s.book.noticeText));
                s.blank();
            }
            s.noticeLine(t("prepxlsx.notice.publicInfo"), s.book.noticeText);
            s.blank();
            s.noticeLine(t("prepxlsx.notice.dateLine"), s.book.noticeText);
            s.noticeLine(name, s.book.noticeText);
            if (no1 != null && !no1.met()) {
                s.blank();
                s.noticeLine(t("prepxlsx.notice.postingCompletes"), s.book.noticeDraft);
            }
        }
        s.onePagePortrait();
    }

    /**
     * Whether the draft may be offered: 1号 met, or missing nothing but the 院内掲示 itself (the (★) item the draft is
     * for: a facility answers it 「有り」 only after posting, so refusing the draft then would go round in a circle).
     */
    static boolean postable(No1Check no1) {
        if (no1 == null) {
            return false;
        }
        if (no1.met()) {
            return true;
        }
        Set<String> open = new LinkedHashSet<>(no1.missing());
        open.addAll(no1.unanswered());
        return open.equals(Set.of(POSTING));
    }

    /** The 2号 functions the answers show, in the report's order. */
    List<ReportFunction> offered() {
        Set<ReportFunction> provided = view.functionsProvided() == null ? Set.of() : view.functionsProvided();
        return java.util.Arrays.stream(ReportFunction.values()).filter(ReportFunction::secondary).filter(provided::contains).toList();
    }

    private List<String> areas() {
        ReportItem item = edition.item(PRIMARY_CARE_AREAS).orElse(null);
        PreparationAnswer a = answers.get(PRIMARY_CARE_AREAS);
        if (item == null || a == null) {
            return List.of();
        }
        return a.choices().stream().map(item::choice).flatMap(java.util.Optional::stream)
                .filter(c -> !c.exclusive()).map(this::choiceLabel).toList();
    }

    /** Answered with a choice that counts as 「有り」/「実施している」. */
    private boolean fulfilled(String code) {
        ReportItem item = edition.item(code).orElse(null);
        PreparationAnswer a = answers.get(code);
        return item != null && a != null && a.choices().stream().map(item::choice)
                .flatMap(java.util.Optional::stream).anyMatch(ReportChoice::fulfils);
    }

    // ---------------------------------------------------------------- sheet 3: the checklist

    private void checklist(XlsxSheet s) {
        s.widths(CHECK_WIDTHS);
        s.line(t("prepxlsx.check.title", view.reportYear()), s.book.title);
        s.line(t("prepxlsx.facility", view.facilityName()), s.book.plain);
        s.blank();
        s.header(true, CHECKBOX, t("prepxlsx.check.col.kind"), t("prepxlsx.check.col.todo"), t("prepxlsx.check.col.detail"));
        if (!view.started()) {
            check(s, "start", t("prepxlsx.check.start"), "");
        }
        Set<String> listed = new LinkedHashSet<>();
        No1Check no1 = view.no1();
        if (no1 != null) {
            for (String code : no1.unanswered()) {
                edition.item(code).ifPresent(i -> check(s, "no1", label(i), t("prepxlsx.check.no1Unanswered")));
                listed.add(code);
            }
            for (String code : no1.missing()) {
                edition.item(code).ifPresent(i -> check(s, "no1", label(i), t("prepxlsx.check.no1Missing")));
                listed.add(code);
            }
        }
        boolean no1Met = no1 != null && no1.met();
        // without 1号 the 2号 items are not reported yet: one line per function instead of a line per item
        Map<ReportFunction, Integer> secondaryOpen = new java.util.EnumMap<>(ReportFunction.class);
        for (ReportItem item : edition.items()) {
            if (state(item) != ItemState.UNANSWERED || listed.contains(item.code())) {
                continue;
            }
            if (item.function().secondary() && !no1Met) {
                secondaryOpen.merge(item.function(), 1, Integer::sum);
            } else {
                check(s, "unanswered", label(item), t("prepxlsx.check.unansweredDetail"));
            }
        }
        secondaryOpen.forEach((function, count) -> check(s, "unanswered",
                t("prepxlsx.check.unansweredNo2Group", t("prepxlsx.function." + function.name()), count),
                t("prepxlsx.check.unansweredNo2")));
        for (ReportItem item : edition.items()) {
            ItemState state = state(item);
            if (state == ItemState.CARRIED) {
                check(s, "confirm", label(item), t("prepxlsx.check.carried", view.carriedFromYear() == null ? "" : view.carriedFromYear(),
                        answerText(item, answers.get(item.code()))));
            } else if (state == ItemState.PREFILLED) {
                String from = view.prefilledFrom() == null ? null : view.prefilledFrom().get(item.code());
                // the origin is a sentence of its own (「… の回答です。」): its full stop is ours to place
                check(s, "confirm", label(item), t("prepxlsx.check.prefilled", from == null ? "" : from.strip().replaceAll("[。.]$", ""),
                        answerText(item, answers.get(item.code()))));
            }
        }
        for (ReportItem item : edition.items()) {
            if (item.gmis() == GmisPrefill.NDB) {
                check(s, "gmis", label(item), t("prepxlsx.check.ndb"));
            } else if (item.gmis() == GmisPrefill.UNCONFIRMED) {
                check(s, "gmis", label(item), t("prepxlsx.check.gmisUnconfirmed"));
            }
        }
        for (ReportItem item : edition.items()) {
            if (!item.confirmed()) {
                check(s, "manual", label(item), item.unconfirmedNote() == null ? t("prepxlsx.check.manualDetail")
                        : item.unconfirmedNote());
            }
        }
        check(s, "posting", t("prepxlsx.check.posting"), t("prepxlsx.check.postingDetail"));
        check(s, "login", t("prepxlsx.check.login"), t("prepxlsx.check.loginDetail"));
        check(s, "deadline", t("prepxlsx.check.deadline"), t("prepxlsx.check.deadlineDetail", view.reportYear()));
        check(s, "order", t("prepxlsx.check.order"), t("prepxlsx.check.orderDetail"));
        if (view.status() != PreparationStatus.SUBMITTED) {
            check(s, "submit", t("prepxlsx.check.submit"), t("prepxlsx.check.submitDetail"));
        }
        s.portraitFitWidth();
    }

    private void check(XlsxSheet s, String kind, String todo, String detail) {
        var row = s.row();
        s.text(row, 0, CHECKBOX);
        s.text(row, 1, t("prepxlsx.check.kind." + kind));
        s.text(row, 2, todo);
        s.text(row, 3, detail);
        s.fitHeight(row);
    }

    // ---------------------------------------------------------------- texts

    private boolean english() {
        return AppI18NProvider.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private String dateTime(Instant instant) {
        return TimeFormat.MINUTE.in(generatedAt.getZone()).format(instant);
    }

    /** A translated text; numbers are passed as written (MessageFormat would print the year 2027 as 「2,027」). */
    String t(String key, Object... args) {
        String pattern = bundle.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = java.util.Arrays.stream(args).map(a -> a instanceof Number n ? n.toString() : a).toArray();
        return new MessageFormat(pattern, locale).format(plain);
    }
}
