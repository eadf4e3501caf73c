package jp.kakaritsuke.associations.domain;

import java.util.List;
import java.util.Map;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ReportFunction;

/**
 * An association's view of its members' preparation of one year's かかりつけ医機能報告 (issue 12): how far each member
 * is, and how the members that will report 2号 answered each 2号 item, overall and per municipality. Every count is a
 * {@link Cell}, protected together by one {@link Suppression} like the rollup ({@link ReportReadinessCalculator}).
 * <ul>
 * <li>{@code members}: the members that report (every member but the association offices, type ASSOCIATION, which do
 * not report — {@code notReporting} of them were left out).</li>
 * <li>{@code editionYear}: the items the year is prepared with; below {@code reportYear} while next season's items are
 * not published.</li>
 * <li>{@code items}: the 2号 items with a countable answer, in the report's order.</li>
 * <li>{@code identifiedMembers}: consenting members only, by name, with their status.</li>
 * </ul>
 */
public record ReportReadiness(long associationId, String associationName, int reportYear, int editionYear, int members,
                              int notReporting, Readiness total, List<MunicipalityReadiness> municipalities,
                              List<ItemDistribution> items, List<MemberRow> identifiedMembers) {

    /** Category of an answer that is missing (not answered, or not asked after the item it depends on). */
    public static final String NO_ANSWER = "NO_ANSWER";
    /** A NUMBER item answered above 0 (「実績あり」). */
    public static final String POSITIVE = "POSITIVE";
    /** A NUMBER item answered 0 (「実績なし」). */
    public static final String ZERO = "ZERO";

    public ReportReadiness {
        municipalities = List.copyOf(municipalities);
        items = List.copyOf(items);
        identifiedMembers = List.copyOf(identifiedMembers);
    }

    /** Where a member is: no preparation for the year, a draft, or submitted. */
    public enum Status { NOT_STARTED, IN_PROGRESS, SUBMITTED }

    /**
     * The members by state: {@code notStarted + inProgress + submitted} = the members (who report);
     * {@code no1Met + no1NotMet} = {@code submitted}. Only submitted preparations count for 1号: a draft's answers stay
     * inside the facility.
     */
    public record Readiness(Cell notStarted, Cell inProgress, Cell submitted, Cell no1Met, Cell no1NotMet) {
    }

    public record MunicipalityReadiness(String municipality, int members, Readiness readiness) {
    }

    /**
     * One 2号 item's answers among the members that submitted and meet 1号 (only they report 2号). {@code categories}:
     * the keys of {@link Row#counts()} in order — the item's choice codes ("0", "1" …) for a SINGLE_CHOICE item,
     * {@link #POSITIVE} / {@link #ZERO} for a NUMBER item, then {@link #NO_ANSWER}. They add up to {@link Row#base()}.
     */
    public record ItemDistribution(String itemCode, ReportFunction function, String itemNo, ItemAnswerType type,
                                   List<String> categories, Row total, List<Row> municipalities) {

        public ItemDistribution {
            categories = List.copyOf(categories);
            municipalities = List.copyOf(municipalities);
        }
    }

    /** {@code municipality} null for the total row; {@code base}: the members counted (submitted, 1号 met). */
    public record Row(String municipality, Cell base, Map<String, Cell> counts) {
    }

    /** {@code no1Met}: for a submitted preparation only, else null. */
    public record MemberRow(long facilityId, String name, String municipality, Status status, Boolean no1Met) {
    }
}
