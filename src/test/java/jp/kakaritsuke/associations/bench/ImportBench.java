package jp.kakaritsuke.associations.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.associations.service.MemberImportService;
import jp.kakaritsuke.associations.service.XlsxRows;
import jp.kakaritsuke.base.Csv;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The heap one member import may take: the security test's hostile .xlsx (a header, then 100,000 rows with one cell
 * each at column XFD), the same with the cell in column A, and a legitimate 10,000-row member list, read with the
 * import's reader and limits. Run: {@code ./.ci/bench import} (docs/performance.md), in a 64 MB heap so that a
 * regression shows as an OutOfMemoryError. {@code ./.ci/bench import legacy N} runs the old reader (XSSFWorkbook,
 * every cell up to getLastCellNum) on N hostile rows instead, for comparison; give it a larger heap.
 */
public final class ImportBench {

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        if (args.length > 0 && args[0].equals("legacy")) {
            int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
            byte[] file = ImportFiles.oneCellPerRow(rows, 16_383);
            System.gc();
            long before = heapUsed();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long cells = legacyRead(file);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
            System.out.printf(Locale.ROOT, "legacy reader, hostile XFD file, %,d rows (%d KB): %.1f s, peak heap +%d MB, %,d cells%n",
                    rows, file.length / 1024, (System.nanoTime() - start) / 1e9, peak >> 20, cells);
            return;
        }
        byte[] hostile = ImportFiles.oneCellPerRow(100_000, 16_383);
        byte[] tall = ImportFiles.oneCellPerRow(100_000, 0);
        byte[] members = ImportFiles.members(MemberImportService.MAX_ROWS);
        StringBuilder csv = new StringBuilder("施設名,種別,市区町村,病床数,連絡先\n");
        for (int r = 0; r < MemberImportService.MAX_ROWS; r++) {
            csv.append("テスト診療所").append(r).append(",診療所,堺市").append(r % 7).append("区,").append(r % 20)
                    .append(",担当 ").append(r).append('\n');
        }
        measure("hostile XFD file, 100,000 rows (" + hostile.length / 1024 + " KB)", () -> xlsx(hostile));
        measure("100,000 rows in column A (" + tall.length / 1024 + " KB)", () -> xlsx(tall));
        measure("legitimate member list, 10,000 rows x 5 columns (" + members.length / 1024 + " KB)", () -> xlsx(members));
        measure("legitimate CSV, 10,000 rows x 5 columns (" + csv.length() / 1024 + " K chars)",
                () -> Csv.parse(csv.toString(), new Csv.Limits(MemberImportService.MAX_ROWS + 1,
                        MemberImportService.MAX_COLUMNS, MemberImportService.MAX_LINE_CHARS)).size() + " rows");
    }

    static String xlsx(byte[] file) throws Exception {
        try {
            return XlsxRows.read(file, MemberImportService.MAX_ROWS + 1, MemberImportService.MAX_COLUMNS).rows().size() + " rows";
        } catch (XlsxRows.LimitException e) {
            return "refused: " + e.kind + " limit after " + e.rowsSeen + " rows";
        }
    }

    /** What MemberImportService.readXlsx did before issue 10. */
    static long legacyRead(byte[] content) throws Exception {
        List<List<String>> records = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.JAPAN);
        long cells = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        var cell = row.getCell(c);
                        values.add(cell == null ? "" : format.formatCellValue(cell));
                        cells++;
                    }
                }
                records.add(values);
            }
        }
        return cells;
    }

    interface Work {
        String run() throws Exception;
    }

    /** Five warm-up runs, then five measured: the median time and the highest peak (heap pools, garbage included). */
    static void measure(String name, Work work) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.run();
        }
        double[] ms = new double[5];
        long peak = 0;
        long before = 0;
        String result = null;
        for (int i = 0; i < ms.length; i++) {
            System.gc();
            before = heapUsed();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            result = work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
            peak = Math.max(peak, ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before);
        }
        java.util.Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-72s %8.1f ms  peak heap +%3d MB over %2d MB in use  -> %s%n",
                name, ms[2], peak >> 20, before >> 20, result);
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
