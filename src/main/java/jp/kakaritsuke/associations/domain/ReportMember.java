package jp.kakaritsuke.associations.domain;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A member as the report-readiness page counts it (issue 12), from associations' read model ({@code member_state}).
 *
 * @param name the facility's name where it consented to be identified; null otherwise
 * @param association an association office (kind ASSOCIATION): a member that does not report
 */
public record ReportMember(long facilityId, @Nullable String name, @Nullable String municipality, boolean consent,
                           boolean association) {

    /** As {@link MemberState#LISTING}: municipality, name (none first), id. */
    public static final Comparator<ReportMember> LISTING = Comparator
            .comparing(ReportMember::municipality, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(ReportMember::name, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingLong(ReportMember::facilityId);
}
