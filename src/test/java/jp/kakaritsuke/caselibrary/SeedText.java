package jp.kakaritsuke.caselibrary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent reading of the seed text (a copy of ../shared/seeds/000_8616d96b9cfa0379.txt), written for the
 * tests only and deliberately simpler than docs/data-sources/extract_seed.py: if the encoding slips, the two disagree.
 */
final class SeedText {

    static final List<String> ROLE_CODES = List.of("CLINIC_CLINIC", "CLINIC_HOSPITAL", "HOSPITAL_HOSPITAL",
            "MATERNAL_CHILD", "SCHOOL_HEALTH", "OCCUPATIONAL_HEALTH", "CARE_WELFARE", "OUT_OF_HOURS", "HOME_CARE",
            "END_OF_LIFE", "MULTIDISCIPLINARY", "EMERGENCY", "CAREER_SUPPORT", "OTHER");
    static final List<String> REFERENCE_NUMBERS = List.of("参考1", "参考2", "参考3", "参考4", "参考5", "参考6");

    final List<String> lines;

    private SeedText(List<String> lines) {
        this.lines = lines;
    }

    static SeedText load() throws IOException {
        try (InputStream in = SeedText.class.getResourceAsStream("/seed/jirei-2022.txt")) {
            return new SeedText(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
        }
    }

    /** The ● marks of the overview table: case number → role codes. Index 18 is その他 shifted one column right. */
    Map<String, Set<String>> matrix() {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (String line : lines) {
            String[] cells = line.split("\t", -1);
            if (cells.length < 18 || !cells[1].strip().matches("\\d{1,2}")) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            for (int i = 4; i < cells.length; i++) {
                if (cells[i].strip().equals("●")) {
                    roles.add(ROLE_CODES.get(Math.min(i - 4, 13)));
                }
            }
            result.put(cells[1].strip(), roles);
        }
        return result;
    }

    /** 目次 entries: case number → name as printed there (spaces removed). */
    Map<String, String> tableOfContents() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.matches("- 事例\\d+ .*")) {
                String[] parts = s.substring(2).split(" ", 2);
                result.put(parts[0].substring(2), parts[1].replaceAll("[ \u3000]", ""));
            } else if (s.matches("- 参考\\d .*")) {
                String[] parts = s.substring(2).split(" ", 2);
                result.put(parts[0], parts[1].replaceAll("[ \u3000]", ""));
            }
        }
        return result;
    }

    /**
     * Practice headings: lines "① title" (circled number, a space) before the survey chapter, assigned to the case
     * whose page they are on. A reference case's page begins with its 特に注目すべきポイント block.
     */
    Map<String, List<String>> practiceTitles() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        String current = null;
        int referenceIndex = 0;
        boolean pastContents = false;
        for (String line : lines) {
            if (line.strip().equals("衛生部長会調査結果") && pastContents) {
                break;
            }
            if (line.matches("事例 \\d+")) {
                current = line.substring(3);
                pastContents = true;
            } else if (line.strip().equals("特に注目すべきポイント")) {
                current = REFERENCE_NUMBERS.get(referenceIndex++);
            } else if (current != null && line.length() > 2 && isCircled(line.charAt(0)) && line.charAt(1) == ' ') {
                result.computeIfAbsent(current, k -> new ArrayList<>()).add(line.substring(2).strip());
            }
        }
        return result;
    }

    /** Survey answers: question number → respondents in order (rows "N\trespondent\t…" of each question's table). */
    Map<Integer, List<String>> surveyRespondents() {
        Map<Integer, List<String>> result = new LinkedHashMap<>();
        Integer question = null;
        boolean inSurvey = false;
        for (String line : lines) {
            if (line.strip().equals("調査結果")) {
                inSurvey = true;
            } else if (inSurvey && line.length() > 2 && isCircled(line.charAt(0)) && line.charAt(1) == ' ') {
                question = line.charAt(0) - '\u2460' + 1;
            } else if (question != null && line.matches("\\d+\t[^\t]+\t.*")) {
                result.computeIfAbsent(question, k -> new ArrayList<>()).add(line.split("\t")[1].strip());
            }
        }
        return result;
    }

    private static boolean isCircled(char c) {
        return c >= '\u2460' && c <= '\u2473';
    }
}
