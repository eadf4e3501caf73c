package jp.kakaritsuke.reports.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.base.xlsx.ReportSheet;
import jp.kakaritsuke.base.xlsx.ReportWorkbook;

/**
 * Times the workbook plumbing at the facility report's size (4 sheets, a native radar chart, ~120 rows) and a
 * 100,000-row × 20-column streaming sheet, and reports the peak heap. Run: ./.ci/bench reports (docs/performance.md),
 * which starts it with -Xmx128m so that a streaming regression shows as an OutOfMemoryError.
 */
public final class ReportBench {

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        for (int i = 0; i < 5; i++) {
            facilityReport(); // warm-up
        }
        resetPeaks();
        long start = System.nanoTime();
        for (int i = 0; i < reports; i++) {
            facilityReport();
        }
        double reportMs = (System.nanoTime() - start) / 1e6 / reports;
        long reportPeak = peakHeap();

        for (int i = 0; i < 5; i++) {
            blankSheet(); // warm-up
        }
        start = System.nanoTime();
        for (int i = 0; i < reports; i++) {
            blankSheet();
        }
        double blankMs = (System.nanoTime() - start) / 1e6 / reports;

        System.gc();
        resetPeaks();
        start = System.nanoTime();
        long cells = bigSheet(rows);
        double bigSeconds = (System.nanoTime() - start) / 1e9;
        long bigPeak = peakHeap();

        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "facility-size report: %.1f ms per workbook (%d runs), peak heap %d MB%n",
                reportMs, reports, reportPeak >> 20);
        System.out.printf(Locale.ROOT, "blank-sheet-size workbook (146 rows, 74 validated answer cells): %.1f ms per workbook%n",
                blankMs);
        System.out.printf(Locale.ROOT, "%,d rows x 20 columns (%,d cells), streaming: %.2f s, peak heap %d MB%n",
                rows, cells, bigSeconds, bigPeak >> 20);
    }

    static void facilityReport() throws Exception {
        try (ReportWorkbook book = ReportWorkbook.inMemory()) {
            book.sheet("表紙", false).headerFooter("ベンチ医院", "{page} / {pages}").title("かかりつけ医機能 自己評価 報告書")
                    .field("施設名", "ベンチ医院").field("提出日時", "2026-11-25 10:00").fitColumns(2);
            ReportSheet summary = book.sheet("概要", true).headerFooter("ベンチ医院", "{page} / {pages}");
            summary.title("役割ごとのレベルとスコア").header(true, "役割", "レベル", "スコア", "前回", "変化", "重点", "類似事例");
            int first = summary.nextRow();
            for (int r = 0; r < 14; r++) {
                summary.row("役割" + r, r % 5, 20 + r * 5, 10 + r * 4, r, r % 3 == 0 ? "★" : "", r % 2 == 0 ? 100 : 0);
            }
            summary.fitColumns(7).radarChart("14の役割", 0, List.of(2, 3, 6), List.of("今回", "前回", "事例"), first,
                    summary.nextRow() - 1, 8, 1, 9, 24);
            ReportSheet rec = book.sheet("推奨", true).header(true, "順位", "事例", "名称", "類似度", "理由");
            for (int r = 0; r < 20; r++) {
                rec.row(r, "事例" + r, "医療法人社団ベンチ" + r, "80%", "同じ診療所、在宅医療・看取りを共に重視、同じ大都市");
            }
            ReportSheet answers = book.sheet("回答", true).header(true, "役割", "項目", "回答", "参考");
            for (int r = 0; r < 90; r++) {
                answers.row("在宅医療", "訪問診療患者数（月平均）" + r, "=SUM(A1:A2) のようなメモ", "事例17 取組①");
            }
            answers.fitColumns(4);
            book.write(OutputStream.nullOutputStream());
        }
    }

    /** The blank sheet's shape: 14 roles × (level row with a 0–4 list, 5 anchors, ~4 indicators with a list or range). */
    static void blankSheet() throws Exception {
        try (ReportWorkbook book = ReportWorkbook.inMemory()) {
            book.sheet("説明", false).title("かかりつけ医機能 自己評価 記入用シート").field("目的", "記録から件数を集める").fitColumns(2);
            ReportSheet s = book.sheet("質問", true).header(true, "役割", "コード", "質問", "回答の形式", "選択肢", "単位", "範囲",
                    "ヒント", "出典", "記入欄");
            for (int r = 0; r < 14; r++) {
                s.row("役割" + r, "ROLE_" + r, "実施レベル", "レベル", "0 / 1 / 2 / 3 / 4", "", "0〜4", "", "事例1 取組②")
                        .answerCell(9, List.of("0", "1", "2", "3", "4"), null, null, "入力できない値です", "一覧から選んでください。");
                for (int l = 0; l < 5; l++) {
                    s.row("役割" + r, "", "レベル" + l + ": 地域の中核として仕組みを運営し、他の診療所を支えている");
                }
                for (int i = 0; i < 4; i++) {
                    boolean number = i == 3;
                    s.row("役割" + r, "ROLE_" + r + ".indicator_" + i, "近隣の診療所の医師と、定期的に症例検討会を行っている",
                            number ? "数値" : "はい／いいえ", number ? "" : "はい / いいえ", number ? "件/月" : "",
                            number ? "0〜1000" : "", "医師会の勉強会・地域ブロック会も含みます。", "事例6 取組①")
                            .answerCell(9, number ? List.of() : List.of("はい", "いいえ"), 0, number ? 1000 : null,
                                    "入力できない値です", "一覧から選んでください。");
                }
            }
            s.fitColumns(10);
            book.write(OutputStream.nullOutputStream());
        }
    }

    static long bigSheet(int rows) throws Exception {
        try (ReportWorkbook book = ReportWorkbook.streaming()) {
            ReportSheet sheet = book.sheet("会員", true).header(true, header());
            Object[] values = new Object[20];
            for (int r = 0; r < rows; r++) {
                values[0] = r;
                values[1] = "医療法人社団 会員施設 " + r;
                values[2] = "千葉県";
                values[3] = "柏市";
                for (int c = 4; c < 18; c++) {
                    values[c] = (r + c) % 5;
                }
                values[18] = (r * 7) % 101;
                values[19] = r % 3 == 0 ? "同意あり" : "集計のみ";
                sheet.row(values);
            }
            sheet.fitColumns(20);
            book.write(OutputStream.nullOutputStream());
            return (long) rows * 20;
        }
    }

    static String[] header() {
        String[] h = new String[20];
        for (int c = 0; c < 20; c++) {
            h[c] = "列" + c;
        }
        return h;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
