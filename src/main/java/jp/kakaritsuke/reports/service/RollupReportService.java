package jp.kakaritsuke.reports.service;

import io.micrometer.core.annotation.Timed;
import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.kakaritsuke.base.Anyone;
import java.util.function.Function;
import jp.kakaritsuke.associations.domain.AssociationRound;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.ReportReadiness;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.service.AssociationRoundService;
import jp.kakaritsuke.associations.service.ReportReadinessService;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.xlsx.ReportSheet;
import jp.kakaritsuke.base.xlsx.ReportWorkbook;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The association rollup workbook, streamed (a prefecture has thousands of members, the nation 100,000): a summary
 * with a native stacked-bar chart, per-role and per-municipality sheets, and the consenting members. The figures and
 * their suppression come from {@link RollupService}, exactly as on screen and in the JSON API.
 */
@Service
public class RollupReportService {

    private final DateTimeFormatter day;

    private final RollupService rollups;
    private final AssociationRoundService rounds;
    private final CaseLibraryService caseLibrary;
    private final Clock clock;
    private final ReportReadinessService readiness;

    /**
     * The rollup with the round the association opened last (null when it opened none) and the members' preparation of
     * the かかりつけ医機能報告 for one report year (issue 12; null when no report items are published).
     */
    public record Download(Rollup rollup, AssociationRound round, ReportReadinessService.Overview reportPreparation) {

        public Download(Rollup rollup, AssociationRound round) {
            this(rollup, round, null);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    public RollupReportService(RollupService rollups, AssociationRoundService rounds, CaseLibraryService caseLibrary,
                               Clock clock, ReportReadinessService readiness) {
        this.readiness = readiness;
        this.rollups = rollups;
        this.rounds = rounds;
        this.caseLibrary = caseLibrary;
        this.clock = clock;
        this.day = TimeFormat.DAY.in(clock);
    }

    /** For the benchmarks, which write a synthetic rollup without a database. */
    public RollupReportService(RollupService rollups, CaseLibraryService caseLibrary, Clock clock) {
        this(rollups, null, caseLibrary, clock, null);
    }

    @PreAuthorize("isAuthenticated()")
    public String fileName(long associationId, Locale locale) {
        String name = rollups.association(associationId).name().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        return TimeFormat.FILE_DAY.in(clock).format(clock.instant()) + "_" + name
                + "_" + AppI18NProvider.bundle(locale).getString("rollupReport.fileSuffix") + ".xlsx";
    }

    /**
     * The rollup for a workbook download, authorised and recorded as a download about other facilities; called
     * before streaming starts, so the record carries the client's request and a refusal is a clean 403.
     */
    @PreAuthorize("isAuthenticated()")
    public Download download(long associationId) {
        return download(associationId, null);
    }

    /** As {@link #download(long)}, with the preparation of {@code reportYear} (null: the current report year). */
    @PreAuthorize("isAuthenticated()")
    public Download download(long associationId, Integer reportYear) {
        // the preparation first: it checks visibility (404) and the year (400) before the download is recorded
        ReportReadinessService.Overview preparation = readiness == null || reportYear == null && readiness.years().isEmpty()
                ? null : readiness.overview(associationId, reportYear);
        Rollup rollup = rollups.download(associationId, "rollup.xlsx"); // authorises first
        // the association's own rounds, as its rollup page lists them (newest first)
        AssociationRound round = rounds == null ? null : rounds.latestRound(associationId).orElse(null);
        return new Download(rollup, round, preparation);
    }

    @PreAuthorize("isAuthenticated()")
    @Timed(value = "kkf.report.workbook", extraTags = {"report", "rollup"}, description = "Workbooks written (docs/operations.md)")
    public void write(long associationId, Locale locale, OutputStream out) throws IOException {
        write(download(associationId), locale, out);
    }

    /** Writes an already computed (and authorised) rollup without a round; the benchmark calls this with a synthetic one. */
    public void write(Rollup rollup, Locale locale, OutputStream out) throws IOException {
        write(new Download(rollup, null), locale, out);
    }

    /** Writes an already computed (and authorised) rollup. */
    @Timed(value = "kkf.report.workbook", extraTags = {"report", "rollup"}, description = "Workbooks written (docs/operations.md)")
    @Anyone("writes what download() authorised: the Download is the capability")
    public void write(Download download, Locale locale, OutputStream out) throws IOException {
        Rollup rollup = download.rollup();
        AssociationRound round = download.round();
        ResourceBundle b = AppI18NProvider.bundle(locale);
        CaseLibrary library = caseLibrary.library();
        RoleCode[] roles = RoleCode.values();
        Function<RoleCode, String> roleName = code -> library.roleName(code, locale);
        String pages = b.getString("report.pageFooter");
        try (ReportWorkbook book = ReportWorkbook.streaming()) {
            ReportSheet summary = book.chartSheet(b.getString("rollupReport.sheet.summary"), true)
                    .headerFooter(rollup.associationName(), pages);
            summary.title(f(b, locale, "rollupReport.title", rollup.associationName()))
                    .field(b.getString("report.rollup.round"), round == null ? b.getString("report.rollup.noRound")
                            : f(b, locale, "report.rollup.roundValue", round.name(), day.format(round.openedAt()), round.deadline().toString()))
                    .field(b.getString("report.rollup.deadline"), round == null ? "" : round.deadline().toString())
                    .field(b.getString("report.rollup.basis"), f(b, locale, "report.rollup.basisText", day.format(clock.instant())))
                    .field(b.getString("rollupReport.members"), rollup.members())
                    .field(b.getString("rollupStatus.SUBMITTED"), value(rollup.completeness().submitted()))
                    .field(b.getString("rollupStatus.IN_PROGRESS"), value(rollup.completeness().inProgress()))
                    .field(b.getString("rollupStatus.NOT_STARTED"), value(rollup.completeness().notStarted()))
                    .field(b.getString("report.generated"), day.format(clock.instant()))
                    .field(b.getString("rollupReport.suppression"), f(b, locale, "rollup.suppressionNote", Cell.MIN_FACILITIES))
                    .blank();
            List<String> header = new ArrayList<>(List.of(b.getString("report.col.role")));
            for (int l = 0; l <= 4; l++) {
                header.add(f(b, locale, "rollup.levelSeries", l));
            }
            header.add(b.getString("rollup.atLeastThree"));
            header.add(b.getString("rollup.priority"));
            header.add(b.getString("rollup.improved"));
            header.add(b.getString("rollup.declined"));
            header.add(b.getString("rollup.newlyPrioritised"));
            header.add(b.getString("rollup.priorityDropped"));
            summary.header(false, header.toArray(String[]::new));
            for (Rollup.RoleRollup r : rollup.roles()) {
                summary.row(roleRow(r, roleName));
            }
            // the chart reads its own block, where a hidden 「x」 is an empty cell: a chart would draw the text as 0
            summary.blank().title(b.getString("report.rollup.chartData"));
            summary.header(false, header.subList(0, 6).toArray(String[]::new));
            int first = summary.nextRow();
            for (Rollup.RoleRollup r : rollup.roles()) {
                Object[] row = roleRow(r, roleName);
                for (int l = 1; l <= 5; l++) {
                    row[l] = row[l] instanceof Integer ? row[l] : null;
                }
                summary.row(java.util.Arrays.copyOf(row, 6));
            }
            int last = summary.nextRow() - 1;
            summary.fitColumns(header.size());
            int chartCol = header.size() + 1;
            int chartRows = 26;
            summary.stackedBarChart(b.getString("rollup.levelsTitle"), 0, List.of(1, 2, 3, 4, 5),
                    header.subList(1, 6), first, last, chartCol, 0, 10, chartRows);
            summary.note(chartRows, chartCol, b.getString("report.rollup.chartNote"));

            ReportSheet perRole = book.sheet(b.getString("rollupReport.sheet.roles"), true).headerFooter(rollup.associationName(), pages);
            perRole.header(true, header.toArray(String[]::new));
            rollup.roles().forEach(r -> perRole.row(roleRow(r, roleName)));
            perRole.fitColumns(header.size());

            ReportSheet perCity = book.sheet(b.getString("rollupReport.sheet.municipalities"), true).headerFooter(rollup.associationName(), pages);
            List<String> cityHeader = new ArrayList<>(List.of(b.getString("facility.municipality"), b.getString("rollup.facilities")));
            for (RoleCode role : roles) {
                cityHeader.add(roleName.apply(role));
            }
            cityHeader.add(b.getString("rollupReport.gaps"));
            perCity.header(true, cityHeader.toArray(String[]::new));
            for (Rollup.MunicipalityRollup m : rollup.municipalities()) {
                List<Object> row = new ArrayList<>(List.of(m.municipality(), value(m.facilities())));
                for (RoleCode role : roles) {
                    row.add(value(m.coverage().get(role)));
                }
                row.add(String.join(b.getString("reason.listSeparator"),
                        m.gaps().stream().map(roleName).toList()));
                perCity.row(row.toArray());
            }
            perCity.fitColumns(cityHeader.size());

            ReportSheet members = book.sheet(b.getString("rollupReport.sheet.members"), true).headerFooter(rollup.associationName(), pages);
            List<String> memberHeader = new ArrayList<>(List.of(b.getString("facility.name"), b.getString("facility.municipality"),
                    b.getString("assessment.col.status"), b.getString("assessment.col.submitted")));
            for (RoleCode role : roles) {
                memberHeader.add(roleName.apply(role));
            }
            members.header(true, memberHeader.toArray(String[]::new));
            Object[] row = new Object[memberHeader.size()];
            for (Rollup.MemberRow m : rollup.identifiedMembers()) {
                row[0] = m.name();
                row[1] = m.municipality();
                row[2] = b.getString("rollupStatus." + m.status().name());
                row[3] = m.lastSubmitted() == null ? null : day.format(m.lastSubmitted());
                RoleLevels profile = m.profile();
                for (int i = 0; i < roles.length; i++) {
                    row[4 + i] = profile == null || !profile.hasLevel(roles[i]) ? null : profile.levelOrZero(roles[i]);
                }
                members.row(row);
            }
            members.fitColumns(memberHeader.size());
            if (download.reportPreparation() != null) {
                readinessSheet(book, download.reportPreparation(), b, locale, pages);
            }
            book.write(out);
        }
    }

    /**
     * 「機能報告の準備状況」: the same figures as the page (associations.ui.ReportReadinessView), hidden ones as 「x」 —
     * the states per municipality, each 2号 item's answers per municipality, the consenting members' states.
     */
    private static void readinessSheet(ReportWorkbook book, ReportReadinessService.Overview overview, ResourceBundle b,
                                       Locale locale, String pages) {
        ReportReadiness r = overview.readiness();
        String year = String.valueOf(r.reportYear());
        ReportSheet sheet = book.sheet(b.getString("readiness.sheet"), true).headerFooter(r.associationName(), pages);
        sheet.title(f(b, locale, "readiness.sheetTitle", r.associationName(), year))
                .field(b.getString("readiness.year"), year)
                .field(b.getString("readiness.edition"), f(b, locale, "readiness.editionValue",
                        String.valueOf(overview.edition().year()), overview.edition().title(locale)))
                .field(b.getString("rollupReport.suppression"), f(b, locale, "rollup.suppressionNote", Cell.MIN_FACILITIES))
                .field("", f(b, locale, "readiness.associationsNote", r.notReporting()));
        if (r.editionYear() < r.reportYear()) {
            sheet.field("", f(b, locale, "readiness.editionPending", year, String.valueOf(r.editionYear())));
        }
        sheet.field("", b.getString("readiness.categoriesHint")).blank();

        sheet.title(b.getString("readiness.statesHeading"));
        String[] stateHeader = {b.getString("facility.municipality"), b.getString("readiness.col.members"),
            b.getString("readiness.col.notStarted"), b.getString("readiness.col.inProgress"), b.getString("readiness.col.submitted"),
            b.getString("readiness.col.no1Met"), b.getString("readiness.col.no1NotMet")};
        sheet.header(false, stateHeader);
        sheet.row(stateRow(b.getString("readiness.total"), r.members(), r.total()));
        r.municipalities().forEach(m -> sheet.row(stateRow(m.municipality(), m.members(), m.readiness())));
        sheet.blank().title(b.getString("readiness.itemsTitle"));
        sheet.field("", b.getString("readiness.itemsHint"));
        int widest = stateHeader.length;
        for (ReportReadiness.ItemDistribution d : r.items()) {
            ReportItem item = overview.edition().item(d.itemCode()).orElse(null);
            String wording = item == null ? d.itemCode() : item.wording(locale);
            String function = b.getString("readiness.function." + d.function().name());
            sheet.blank().title(function + " " + (d.itemNo() == null ? wording : f(b, locale, "readiness.item", d.itemNo(), wording)));
            List<String> header = new ArrayList<>(List.of(b.getString("facility.municipality"), b.getString("readiness.col.base")));
            for (String c : d.categories()) {
                header.add(categoryLabel(item, c, b, locale));
            }
            sheet.header(false, header.toArray(String[]::new));
            sheet.row(distributionRow(b.getString("readiness.total"), d.total(), d.categories()));
            d.municipalities().forEach(row -> sheet.row(distributionRow(row.municipality(), row, d.categories())));
            widest = Math.max(widest, header.size());
        }
        sheet.blank().title(b.getString("readiness.membersHeading"));
        sheet.header(false, b.getString("facility.name"), b.getString("facility.municipality"), b.getString("assessment.col.status"),
                b.getString("readiness.col.no1"));
        for (ReportReadiness.MemberRow m : r.identifiedMembers()) {
            sheet.row(m.name(), m.municipality(), b.getString("readiness.status." + m.status().name()),
                    m.no1Met() == null ? null : b.getString(m.no1Met() ? "readiness.no1.yes" : "readiness.no1.no"));
        }
        sheet.fitColumns(widest);
    }

    private static Object[] stateRow(String name, int members, ReportReadiness.Readiness s) {
        return new Object[] {name, members, value(s.notStarted()), value(s.inProgress()), value(s.submitted()),
            value(s.no1Met()), value(s.no1NotMet())};
    }

    private static Object[] distributionRow(String name, ReportReadiness.Row row, List<String> categories) {
        Object[] cells = new Object[2 + categories.size()];
        cells[0] = name;
        cells[1] = value(row.base());
        for (int i = 0; i < categories.size(); i++) {
            cells[2 + i] = value(row.counts().get(categories.get(i)));
        }
        return cells;
    }

    /** A choice as 「code: label」 (the report's own numbering), or the label of a derived category. */
    static String categoryLabel(ReportItem item, String category, ResourceBundle b, Locale locale) {
        if (item != null && item.type() == ItemAnswerType.SINGLE_CHOICE && !category.equals(ReportReadiness.NO_ANSWER)) {
            int code = Integer.parseInt(category);
            return item.choice(code).map(c -> code + ": " + (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                    && c.labelEn() != null ? c.labelEn() : c.labelJa())).orElse(category);
        }
        return b.getString("readiness.category." + category);
    }

    private static Object[] roleRow(Rollup.RoleRollup r, Function<RoleCode, String> roleName) {
        Object[] row = new Object[12];
        row[0] = roleName.apply(r.roleCode());
        for (int l = 0; l <= 4; l++) {
            row[1 + l] = value(r.levels().get(l));
        }
        row[6] = value(r.atLeastThree());
        row[7] = value(r.priority());
        row[8] = value(r.improved());
        row[9] = value(r.declined());
        row[10] = value(r.newlyPrioritised());
        row[11] = value(r.priorityDropped());
        return row;
    }

    /** A number, or the text 「x」 for a hidden cell (never the hidden number). */
    static Object value(Cell c) {
        return c.suppressed() ? c.display() : c.value();
    }

    private static String f(ResourceBundle b, Locale locale, String key, Object... args) {
        return new MessageFormat(b.getString(key), locale).format(args);
    }
}
