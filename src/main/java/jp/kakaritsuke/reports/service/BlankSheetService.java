package jp.kakaritsuke.reports.service;

import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import io.micrometer.core.annotation.Timed;
import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.xlsx.ReportSheet;
import jp.kakaritsuke.base.xlsx.ReportWorkbook;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.springframework.stereotype.Service;

/**
 * The blank sheet (.xlsx) of the current questionnaire: every question with its level anchors, answer type, choices,
 * unit, allowed range, hint and source, and an empty answer cell that only accepts what the app would accept. For
 * whoever gathers the figures from the records before the assessment is answered; the app does not read it back.
 * The questionnaire is published content, so any logged-in user may have it.
 */
@Service
public class BlankSheetService {

    /** Columns of the questions sheet; the answer cell is the last. */
    static final int COL_ROLE = 0;
    static final int COL_CODE = 1;
    static final int COL_QUESTION = 2;
    static final int COL_TYPE = 3;
    static final int COL_CHOICES = 4;
    static final int COL_UNIT = 5;
    static final int COL_RANGE = 6;
    static final int COL_HINT = 7;
    static final int COL_SOURCE = 8;
    static final int COL_ANSWER = 9;

    private final QuestionnaireService questionnaires;
    private final CaseLibraryService caseLibrary;
    private final Clock clock;

    public BlankSheetService(QuestionnaireService questionnaires, CaseLibraryService caseLibrary, Clock clock) {
        this.questionnaires = questionnaires;
        this.caseLibrary = caseLibrary;
        this.clock = clock;
    }

    @AnySignedInUser
    public String fileName(Locale locale) {
        return text(AppI18NProvider.bundle(locale), locale, "report.blank.fileName", questionnaires.current().version());
    }

    @Timed(value = "kkf.report.workbook", extraTags = {"report", "blank-sheet"}, description = "Workbooks written (docs/operations.md)")
    @AnySignedInUser
    public void write(Locale locale, OutputStream out) throws IOException {
        Questionnaire q = questionnaires.current();
        CaseLibrary library = caseLibrary.library();
        ResourceBundle b = AppI18NProvider.bundle(locale);
        String title = text(b, locale, "report.blank.title");
        String pages = b.getString("report.pageFooter");
        try (ReportWorkbook book = ReportWorkbook.inMemory()) {
            book.sheet(text(b, locale, "report.blank.sheet.cover"), false).headerFooter(title, pages)
                    .title(title).blank()
                    .field(text(b, locale, "report.blank.purpose"), text(b, locale, "report.blank.purposeText"))
                    .field(text(b, locale, "report.questionnaire"),
                            text(b, locale, "report.questionnaireValue", q.version(), q.title(locale)))
                    .field(text(b, locale, "report.blank.published"), q.publishedOn() == null ? "" : q.publishedOn().toString())
                    .field(text(b, locale, "report.generated"), TimeFormat.MINUTE.in(clock).format(clock.instant()))
                    .blank()
                    .field(text(b, locale, "report.blank.howTo"), text(b, locale, "report.blank.howTo1"))
                    .field("", text(b, locale, "report.blank.howTo2"))
                    .field("", text(b, locale, "report.blank.howTo3"))
                    .blank()
                    .field(text(b, locale, "report.source"), text(b, locale, "report.sourceText"))
                    .fitColumns(2);

            ReportSheet s = book.sheet(text(b, locale, "report.blank.sheet.questions"), true).headerFooter(title, pages);
            s.header(true, text(b, locale, "report.col.role"), text(b, locale, "report.blank.col.code"),
                    text(b, locale, "report.blank.col.question"), text(b, locale, "report.blank.col.type"),
                    text(b, locale, "report.blank.col.choices"), text(b, locale, "report.col.unit"),
                    text(b, locale, "report.blank.col.range"), text(b, locale, "report.blank.col.hint"),
                    text(b, locale, "report.col.source"), text(b, locale, "report.blank.col.answer"));
            String listError = text(b, locale, "report.blank.error.list");
            String errorTitle = text(b, locale, "report.blank.error.title");
            for (RoleQuestion rq : q.roles()) {
                String role = library.roleName(rq.roleCode(), locale);
                List<String> levels = IntStream.rangeClosed(0, RoleQuestion.MAX_LEVEL).mapToObj(String::valueOf).toList();
                s.row(role, rq.roleCode().name(), text(b, locale, "report.blank.levelQuestion"), text(b, locale, "report.blank.type.LEVEL"),
                        String.join(" / ", levels), "", range(b, locale, 0, RoleQuestion.MAX_LEVEL), "", helpSource(rq.helpSource(), b, locale))
                        .answerCell(COL_ANSWER, levels, null, null, errorTitle, listError);
                for (int level = 0; level <= RoleQuestion.MAX_LEVEL; level++) {
                    s.row(role, "", text(b, locale, "report.blank.anchor", level, rq.levelAnchor(level, locale)));
                }
                for (Indicator i : rq.indicators()) {
                    List<String> choices = choices(i).stream().map(c -> choiceLabel(b, c)).toList();
                    String source = i.sourceCase() == null ? "" : sourceLabel(b, locale, new SourceReference(i.sourceCase(), i.sourcePractice()));
                    s.row(role, i.code(), i.label(locale), typeLabel(b, locale, i.type()), String.join(" / ", choices),
                            i.unit(locale), i.type() == AnswerType.NUMBER ? range(b, locale, i.min(), i.max()) : "",
                            audience(b, locale, i) + i.hint(locale), source);
                    s.answerCell(COL_ANSWER, choices, i.min(), i.max(), errorTitle, choices.isEmpty()
                            ? text(b, locale, "report.blank.error.number", range(b, locale, i.min(), i.max())) : listError);
                }
            }
            s.fitColumns(COL_ANSWER + 1).narrowColumns(36, COL_QUESTION, COL_HINT).narrowColumns(20, COL_CHOICES, COL_TYPE);
            book.write(out);
        }
    }

    /** 「【診療所・病院のみ】」 before the hint of an indicator not asked of everyone (version 3); empty otherwise. */
    private static String audience(ResourceBundle b, Locale locale, Indicator i) {
        return i.audience() == jp.kakaritsuke.assessment.domain.IndicatorAudience.ALL ? ""
                : text(b, locale, "questionnaire.v3.audience." + i.audience().name()) + " ";
    }

    /** The choices an indicator offers, in the order the questionnaire shows them. */
    public static List<Choice> choices(Indicator i) {
        return i.choices();
    }

    private static String choiceLabel(ResourceBundle b, Choice c) {
        try {
            return b.getString("choice." + c.name());
        } catch (MissingResourceException e) {
            return c.name();
        }
    }

    private static String typeLabel(ResourceBundle b, Locale locale, AnswerType type) {
        try {
            return text(b, locale, "report.blank.type." + type.name());
        } catch (MissingResourceException e) {
            return type.name();
        }
    }

    /** 「0〜9999」, 「0以上」 or 「9999以下」; empty when the number has no bounds. */
    static String range(ResourceBundle b, Locale locale, Integer min, Integer max) {
        if (min != null && max != null) {
            return text(b, locale, "report.blank.range", String.valueOf(min), String.valueOf(max));
        }
        if (min != null) {
            return text(b, locale, "report.blank.rangeMin", String.valueOf(min));
        }
        return max == null ? "" : text(b, locale, "report.blank.rangeMax", String.valueOf(max));
    }

    /**
     * The role help's source is stored as one string (「事例1 ②」, 「参考3 ①」); written here like the indicators'
     * sources, in the reader's language.
     */
    static String helpSource(String stored, ResourceBundle b, Locale locale) {
        if (stored == null) {
            return "";
        }
        var m = java.util.regex.Pattern.compile("(事例|参考)(\\d+)\\s*([\u2460-\u2473])?").matcher(stored.strip());
        if (!m.matches()) {
            return stored;
        }
        String c = text(b, locale, m.group(1).equals("参考") ? "source.reference" : "source.case", m.group(2));
        return m.group(3) == null ? c : text(b, locale, "source.practice", c, m.group(3));
    }

    private static String sourceLabel(ResourceBundle b, Locale locale, SourceReference ref) {
        String c = ref.isReferenceCase() ? text(b, locale, "source.reference", ref.bareCaseNumber())
                : text(b, locale, "source.case", ref.caseNumber());
        return ref.practiceNumber() == null ? c : text(b, locale, "source.practice", c, SourceReference.circled(ref.practiceNumber()));
    }

    private static String text(ResourceBundle b, Locale locale, String key, Object... args) {
        return args.length == 0 ? b.getString(key) : new MessageFormat(b.getString(key), locale).format(args);
    }
}
