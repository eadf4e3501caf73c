package jp.kakaritsuke.caselibrary.domain;

import java.util.List;

/**
 * One numbered practice (取組の詳細 ①②③…) of a case. The roles it serves are not stated by the seed:
 * they are our derived tags ({@code rolesDerived} is always true for now, kept explicit for the API).
 */
public record Practice(long id, String caseNumber, int number, String title, String body,
                       List<RoleCode> roleCodes, boolean rolesDerived) {

    public Practice {
        roleCodes = List.copyOf(roleCodes);
    }

    public SourceReference source() {
        return new SourceReference(caseNumber, number);
    }

    /** What the facility did, in one or two sentences (derived by the rule of {@link PracticeSummary}). */
    public PracticeSummary summary() {
        return PracticeSummary.of(caseNumber, number, body);
    }

    public boolean serves(RoleCode roleCode) {
        return roleCodes.contains(roleCode);
    }
}
