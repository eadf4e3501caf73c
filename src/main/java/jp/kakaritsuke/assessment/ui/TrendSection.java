package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorCell;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorHistory;
import jp.kakaritsuke.assessment.service.AssessmentModels.IndicatorRow;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleTrend;
import jp.kakaritsuke.assessment.service.AssessmentModels.TrendRound;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.base.ui.RoleTrendChart;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.jspecify.annotations.Nullable;

/**
 * 「これまでの推移」 on the result page of a submitted round: the score per role over every submitted round of the
 * facility (the priority roles and those that changed most shown, the legend toggles the rest), and a role's
 * indicator answers across the rounds when the reader chooses one. With one submitted round it says when the trend
 * will appear instead.
 */
class TrendSection extends VerticalLayout {

    /** How many of the roles that changed most are shown besides the priority roles. */
    static final int MOST_CHANGED = 3;

    private final RoleProfileService profiles;
    private final long roundId;
    private final CaseLibrary library;
    private final DateTimeFormatter day;
    final RoleTrend trend;
    @Nullable RoleTrendChart chart;
    @Nullable Select<RoleCode> role;
    @Nullable Grid<Line> answers;
    @Nullable Paragraph caption;

    /** One line of the drill-down table: what (the level or an indicator) and one text per round. */
    record Line(String label, List<String> cells) {
    }

    TrendSection(RoleProfileService profiles, long roundId, List<RoleScore> current, CaseLibrary library,
                 DateTimeFormatter day) {
        this.profiles = profiles;
        this.roundId = roundId;
        this.library = library;
        this.day = day;
        setPadding(false);
        setWidthFull();
        addClassName("trend-section");
        trend = profiles.trend(roundId);
        add(new H3(getTranslation("trend.title")));
        if (trend.rounds().size() < 2) {
            Paragraph once = new Paragraph(getTranslation("trend.onlyOne"));
            once.addClassName("trend-empty");
            add(once);
            return;
        }
        List<RoleCode> roles = current.stream().map(RoleScore::roleCode).toList();
        Set<RoleCode> shown = shownAtFirst(current, trend);
        Paragraph hint = new Paragraph(getTranslation("trend.hint", trend.rounds().size()));
        hint.addClassName("hint");
        chart = new RoleTrendChart();
        chart.addClassName("trend-chart");
        chart.setData(trend.rounds().stream().map(p -> day.format(p.submittedAt())).toList(),
                roles.stream().map(r -> new RoleTrendChart.Series(roleName(r),
                        trend.rounds().stream().map(p -> p.scores().get(r)).toList(),
                        trend.rounds().stream().map(p -> p.levels().get(r)).toList(), shown.contains(r))).toList(),
                getTranslation("trend.level"));
        chart.setAriaLabel(getTranslation("trend.chartLabel", trend.rounds().size()));

        Select<RoleCode> select = new Select<>();
        select.setLabel(getTranslation("trend.drill.role"));
        select.setPlaceholder(getTranslation("trend.drill.placeholder"));
        select.setItems(roles);
        select.setItemLabelGenerator(this::roleName);
        select.addClassName("trend-role");
        select.setWidth("min(100%, 24rem)");
        select.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showAnswers(e.getValue());
            }
        });
        role = select;
        add(hint, chart, select);
    }

    /**
     * The lines shown before the reader touches the legend: the round's priority roles, and up to
     * {@link #MOST_CHANGED} roles whose score moved most (highest minus lowest) over the rounds; every role when none
     * of that applies (nothing to single out).
     */
    static Set<RoleCode> shownAtFirst(List<RoleScore> current, RoleTrend trend) {
        Set<RoleCode> shown = new LinkedHashSet<>();
        current.stream().filter(RoleScore::priority).map(RoleScore::roleCode).forEach(shown::add);
        current.stream().map(s -> new Moved(s.roleCode(), movement(trend, s.roleCode())))
                .filter(m -> m.points() > 0)
                .sorted(Comparator.comparingInt(Moved::points).reversed())
                .limit(MOST_CHANGED)
                .forEach(m -> shown.add(m.roleCode()));
        if (shown.isEmpty()) {
            current.forEach(s -> shown.add(s.roleCode()));
        }
        return shown;
    }

    private record Moved(RoleCode roleCode, int points) {
    }

    private static int movement(RoleTrend trend, RoleCode role) {
        List<Integer> scores = trend.rounds().stream().map(p -> p.scores().get(role)).filter(Objects::nonNull).toList();
        return scores.isEmpty() ? 0 : scores.stream().mapToInt(Integer::intValue).max().orElse(0)
                - scores.stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** The chosen role's level and indicator answers, one column per submitted round (the grid scrolls inside itself). */
    void showAnswers(RoleCode roleCode) {
        IndicatorHistory history = profiles.indicatorHistory(roundId, roleCode, getLocale());
        if (answers != null) {
            remove(answers);
        }
        if (caption != null) {
            remove(caption);
        }
        Grid<Line> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addClassName("trend-answers");
        grid.addColumn(Line::label).setHeader(getTranslation("trend.drill.item")).setFrozen(true).setWidth("11rem")
                .setFlexGrow(0);
        List<TrendRound> rounds = history.rounds();
        for (int i = 0; i < rounds.size(); i++) {
            int column = i;
            TrendRound r = rounds.get(i);
            grid.addColumn(line -> line.cells().get(column))
                    .setHeader(getTranslation("trend.drill.round", day.format(r.submittedAt()), r.questionnaireVersion()))
                    .setWidth("8.5rem").setFlexGrow(1).setTextAlign(ColumnTextAlign.START);
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(getTranslation("trend.level"), history.levels().stream()
                .map(l -> l == null ? getTranslation("report.unanswered") : String.valueOf(l)).toList()));
        for (IndicatorRow row : history.rows()) {
            lines.add(new Line(row.label(), row.cells().stream().map(c -> cell(row, c)).toList()));
        }
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        answers = grid;
        caption = new Paragraph(getTranslation(history.rows().isEmpty() ? "trend.drill.noIndicators" : "trend.drill.caption",
                roleName(roleCode), rounds.size()));
        caption.addClassName("trend-caption");
        caption.getElement().setAttribute("aria-live", "polite");
        add(caption, grid);
    }

    /** The answer as the questionnaire shows it: the choice's label, a number with its unit, or why there is none. */
    String cell(IndicatorRow row, IndicatorCell cell) {
        if (!cell.asked()) {
            return getTranslation("trend.drill.notAsked");
        }
        AnswerValue v = cell.value();
        if (v == null) {
            return getTranslation("report.unanswered");
        }
        if (v.choice() != null) {
            return getTranslation("choice." + v.choice().name());
        }
        String number = v.number() == null ? "" : v.number().stripTrailingZeros().toPlainString();
        return row.unit() == null || row.unit().isBlank() ? number : number + " " + row.unit();
    }

    private String roleName(RoleCode code) {
        return library.roleName(code, getLocale());
    }
}
