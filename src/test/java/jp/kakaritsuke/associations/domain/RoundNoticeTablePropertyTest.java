package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The round's notice counts (issue 13) under the same reader as {@link SuppressionPropertyTest}: who knows every shown
 * figure, the member counts and every sum, cannot pin a hidden count of 1 or 2 — nor the members not reminded (those
 * that had submitted in time) when they are 1 or 2.
 */
class RoundNoticeTablePropertyTest {

    @Test
    void noHiddenNoticeFigureCanBeWorkedOut() {
        Random random = new Random(13);
        int sensitiveChecked = 0;
        for (int run = 0; run < 500; run++) {
            int towns = 1 + random.nextInt(3);
            List<int[]> rows = new ArrayList<>();
            int[] total = new int[5];
            for (int t = 0; t < towns; t++) {
                int members = random.nextInt(9);
                int notified = random.nextInt(members + 1);
                int notifiedNoAddress = random.nextInt(members - notified + 1);
                int reminded = random.nextInt(members + 1);
                int remindedNoAddress = random.nextInt(members - reminded + 1);
                int[] row = {members, notified, notifiedNoAddress, reminded, remindedNoAddress};
                rows.add(row);
                for (int i = 0; i < 5; i++) {
                    total[i] += row[i];
                }
            }
            ProtectedTable<RoundNoticeTable.Row> result = RoundNoticeTable.protect(total, rows);
            SuppressionPropertyTest.Solver s = new SuppressionPropertyTest.Solver(total[0]);
            int[] totalVars = vars(s, total, result.total());
            int[][] rowVars = new int[rows.size()][];
            for (int t = 0; t < rows.size(); t++) {
                rowVars[t] = vars(s, rows.get(t), result.rows().get(t));
            }
            for (int k = 0; k < totalVars.length; k++) {
                int[] parts = new int[rows.size()];
                for (int t = 0; t < rows.size(); t++) {
                    parts[t] = rowVars[t][k];
                }
                s.sum(totalVars[k], parts);
            }
            sensitiveChecked += s.assertNothingPinned("notice run " + run);
        }
        assertThat(sensitiveChecked).as("the runs exercised hidden figures").isGreaterThan(300);
    }

    @Test
    void smallCountsAreHiddenAndLargeOnesShown() {
        // one municipality of 10: 9 told, 1 without an address (hidden, and 9 with it: 10 - 9 would give it away)
        var result = RoundNoticeTable.protect(new int[] {10, 9, 1, 0, 0}, List.of(new int[] {10, 9, 1, 0, 0}));
        assertThat(result.total().notifiedNoAddress().suppressed()).isTrue();
        assertThat(result.total().notified().suppressed()).isTrue();
        // nobody reminded yet: the zeros are shown
        assertThat(result.total().reminded()).isEqualTo(Cell.shown(0));
        // 6 told, 4 without address, 5 reminded: all shown
        var plain = RoundNoticeTable.protect(new int[] {10, 6, 4, 5, 0}, List.of(new int[] {10, 6, 4, 5, 0}));
        assertThat(plain.total()).isEqualTo(new RoundNoticeTable.Row(Cell.shown(6), Cell.shown(4), Cell.shown(5), Cell.shown(0)));
    }

    /** Variables [notified, without address, not notified, reminded, without address, not reminded] of one row. */
    private static int[] vars(SuppressionPropertyTest.Solver s, int[] c, RoundNoticeTable.Row row) {
        int members = s.known(c[0]);
        int notified = s.cell(c[1], c[0], row.notified());
        int notifiedNoAddress = s.cell(c[2], c[0], row.notifiedNoAddress());
        int notNotified = s.known(c[0] - c[1] - c[2]);
        s.sum(members, notified, notifiedNoAddress, notNotified);
        int reminded = s.cell(c[3], c[0], row.reminded());
        int remindedNoAddress = s.cell(c[4], c[0], row.remindedNoAddress());
        int notReminded = s.implicit(c[0] - c[3] - c[4]);
        s.sum(members, reminded, remindedNoAddress, notReminded);
        return new int[] {notified, notifiedNoAddress, notNotified, reminded, remindedNoAddress, notReminded};
    }
}
