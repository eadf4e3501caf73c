package jp.kakaritsuke.associations.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.associations.domain.ReportReadiness.Status;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PreparationSummary;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportItem;

/**
 * Turns the members' preparation summaries of one report year into the {@link ReportReadiness}: the counts, then one
 * {@link Suppression} over every figure of the page with every sum a reader can see, as {@link RollupCalculator} does.
 * Pure.
 * <p>
 * The sums: the states add up to the members (overall and per municipality, whose member counts the association
 * knows), 1号 met and not met to the submitted, the municipalities to the totals; in each 2号 item's table the
 * categories add up to the members counted (submitted, 1号 met) of the row, and the municipalities to the total row.
 * The members counted are the same figure as 「1号あり」 of the state table, so the tables are protected as one.
 */
public final class ReportReadinessCalculator {

    private ReportReadinessCalculator() {
    }

    /** The 2号 items whose answers are counted: a single choice, or a number (counted as above 0 or 0). */
    public static boolean counted(ReportItem item) {
        return item.function().secondary()
                && (item.type() == ItemAnswerType.SINGLE_CHOICE && !item.choices().isEmpty() || item.type() == ItemAnswerType.NUMBER);
    }

    /** The categories of a counted item, in the order shown. */
    public static List<String> categories(ReportItem item) {
        List<String> keys = new ArrayList<>();
        if (item.type() == ItemAnswerType.NUMBER) {
            keys.add(ReportReadiness.POSITIVE);
            keys.add(ReportReadiness.ZERO);
        } else {
            item.choices().stream().map(ReportChoice::code).map(String::valueOf).forEach(keys::add);
        }
        keys.add(ReportReadiness.NO_ANSWER);
        return keys;
    }

    public static ReportReadiness calculate(Association association, int reportYear, ReportEdition edition,
                                            List<ReportMember> allMembers, Collection<PreparationSummary> summaries) {
        // association offices are members too (they join their own association) but do not report
        List<ReportMember> members = allMembers.stream().filter(m -> !m.association()).toList();
        int notReporting = allMembers.size() - members.size();
        Map<Long, PreparationSummary> byFacility = new HashMap<>();
        summaries.forEach(s -> byFacility.put(s.facilityId(), s));
        List<ReportItem> items = edition.items().stream().filter(ReportReadinessCalculator::counted).toList();

        // the counts: per municipality (every municipality of the members, none ready too) and state
        Map<String, int[]> states = new TreeMap<>(); // [members, not started, in progress, submitted, 1号 met]
        Map<String, Map<String, Integer>> answers = new HashMap<>(); // item code -> "municipality\u0000category" -> n
        for (ReportMember m : members) {
            String town = RollupCalculator.municipality(m.municipality());
            int[] s = states.computeIfAbsent(town, k -> new int[5]);
            s[0]++;
            PreparationSummary p = byFacility.get(m.facilityId());
            Status status = status(p);
            s[1 + status.ordinal()]++;
            if (status == Status.SUBMITTED && p.no1Met()) {
                s[4]++;
                for (ReportItem item : items) {
                    answers.computeIfAbsent(item.code(), k -> new HashMap<>()).merge(key(town, category(item, p)), 1, Integer::sum);
                }
            }
        }
        int[] all = new int[5];
        states.values().forEach(s -> {
            for (int i = 0; i < all.length; i++) {
                all[i] += s[i];
            }
        });

        Suppression table = new Suppression();
        StateNodes total = StateNodes.of(table, all);
        // the members counted in every item table: repeated in each, hidden only when nothing else will do
        table.anchor(total.no1Met);
        Map<String, StateNodes> perTown = new LinkedHashMap<>();
        states.forEach((town, s) -> perTown.put(town, StateNodes.of(table, s)));
        if (!perTown.isEmpty()) {
            table.sum(total.notStarted, perTown.values().stream().map(StateNodes::notStarted).toList());
            table.sum(total.inProgress, perTown.values().stream().map(StateNodes::inProgress).toList());
            table.sum(total.submitted, perTown.values().stream().map(StateNodes::submitted).toList());
            table.sum(total.no1Met, perTown.values().stream().map(StateNodes::no1Met).toList());
            table.sum(total.no1NotMet, perTown.values().stream().map(StateNodes::no1NotMet).toList());
        }

        record ItemNodes(ReportItem item, List<String> categories, Map<String, Suppression.Node> total,
                         Map<String, Map<String, Suppression.Node>> towns) {
        }
        List<ItemNodes> itemNodes = new ArrayList<>();
        for (ReportItem item : items) {
            List<String> categories = categories(item);
            Map<String, Integer> counts = answers.getOrDefault(item.code(), Map.of());
            Map<String, Map<String, Suppression.Node>> towns = new LinkedHashMap<>();
            Map<String, List<Suppression.Node>> columns = new LinkedHashMap<>();
            perTown.forEach((town, nodes) -> {
                int base = states.get(town)[4];
                Map<String, Suppression.Node> row = new LinkedHashMap<>();
                for (String c : categories) {
                    Suppression.Node n = table.cell(counts.getOrDefault(key(town, c), 0), base);
                    row.put(c, n);
                    columns.computeIfAbsent(c, k -> new ArrayList<>()).add(n);
                }
                table.sum(nodes.no1Met, List.copyOf(row.values()));
                towns.put(town, row);
            });
            Map<String, Suppression.Node> totalRow = new LinkedHashMap<>();
            for (String c : categories) {
                int n = counts.entrySet().stream().filter(e -> e.getKey().endsWith("\u0000" + c)).mapToInt(Map.Entry::getValue).sum();
                Suppression.Node node = table.cell(n, all[4]);
                totalRow.put(c, node);
                if (columns.containsKey(c)) {
                    table.sum(node, columns.get(c));
                }
            }
            table.sum(total.no1Met, List.copyOf(totalRow.values()));
            itemNodes.add(new ItemNodes(item, categories, totalRow, towns));
        }
        table.protect();

        List<ReportReadiness.MunicipalityReadiness> municipalities = new ArrayList<>();
        perTown.forEach((town, nodes) -> municipalities.add(new ReportReadiness.MunicipalityReadiness(town, states.get(town)[0], nodes.cells())));
        List<ReportReadiness.ItemDistribution> distributions = new ArrayList<>();
        for (ItemNodes in : itemNodes) {
            List<ReportReadiness.Row> rows = new ArrayList<>();
            in.towns().forEach((town, row) -> rows.add(new ReportReadiness.Row(town, perTown.get(town).no1Met.cell(), cells(row))));
            distributions.add(new ReportReadiness.ItemDistribution(in.item().code(), in.item().function(), in.item().itemNo(),
                    in.item().type(), in.categories(), new ReportReadiness.Row(null, total.no1Met.cell(), cells(in.total())), rows));
        }
        // by name only with the member's consent, and only its state: a draft's answers stay inside the facility
        List<ReportReadiness.MemberRow> identified = members.stream().filter(ReportMember::consent).sorted(ReportMember.LISTING).map(m -> {
            PreparationSummary p = byFacility.get(m.facilityId());
            Status status = status(p);
            return new ReportReadiness.MemberRow(m.facilityId(), m.name(), m.municipality(), status,
                    status == Status.SUBMITTED ? p.no1Met() : null);
        }).toList();
        return new ReportReadiness(association.id(), association.name(), reportYear, edition.year(), members.size(),
                notReporting, total.cells(), municipalities, distributions, identified);
    }

    static Status status(PreparationSummary p) {
        return p == null ? Status.NOT_STARTED : p.status() == PreparationStatus.SUBMITTED ? Status.SUBMITTED : Status.IN_PROGRESS;
    }

    /** The category a member's answer falls in; an answer that is not one of the item's choices counts as none. */
    static String category(ReportItem item, PreparationSummary p) {
        if (item.type() == ItemAnswerType.NUMBER) {
            BigDecimal n = p.numbers().get(item.code());
            return n == null ? ReportReadiness.NO_ANSWER : n.signum() > 0 ? ReportReadiness.POSITIVE : ReportReadiness.ZERO;
        }
        List<Integer> chosen = p.choices().get(item.code());
        if (chosen == null || chosen.size() != 1 || item.choice(chosen.getFirst()).isEmpty()) {
            return ReportReadiness.NO_ANSWER;
        }
        return String.valueOf(chosen.getFirst());
    }

    private static String key(String town, String category) {
        return town + "\u0000" + category;
    }

    private static Map<String, Cell> cells(Map<String, Suppression.Node> row) {
        Map<String, Cell> result = new LinkedHashMap<>();
        row.forEach((k, n) -> result.put(k, n.cell()));
        return Collections.unmodifiableMap(result);
    }

    /** One row of the state table: [members, not started, in progress, submitted, 1号 met]. */
    private record StateNodes(Suppression.Node notStarted, Suppression.Node inProgress, Suppression.Node submitted,
                              Suppression.Node no1Met, Suppression.Node no1NotMet) {

        static StateNodes of(Suppression table, int[] s) {
            Suppression.Node members = table.known(s[0]); // the association knows its own members
            Suppression.Node notStarted = table.cell(s[1], s[0]);
            Suppression.Node inProgress = table.cell(s[2], s[0]);
            Suppression.Node submitted = table.cell(s[3], s[0]);
            Suppression.Node no1Met = table.cell(s[4], s[0]);
            Suppression.Node no1NotMet = table.cell(s[3] - s[4], s[0]);
            table.sum(members, List.of(notStarted, inProgress, submitted));
            table.sum(submitted, List.of(no1Met, no1NotMet));
            return new StateNodes(notStarted, inProgress, submitted, no1Met, no1NotMet);
        }

        ReportReadiness.Readiness cells() {
            return new ReportReadiness.Readiness(notStarted.cell(), inProgress.cell(), submitted.cell(), no1Met.cell(), no1NotMet.cell());
        }
    }
}
