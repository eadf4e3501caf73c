package jp.kakaritsuke.caselibrary.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one- or two-sentence summary of what the facility did in a practice (docs/scoring.md, "Summaries"). Taken verbatim
 * from the seed's 取組の詳細 by a fixed rule; where the rule finds no fitting sentence, a summary written by us
 * ({@code derived} = true, shown as 「要約（本アプリ作成）」).
 *
 * <p>The rule: the body's prose sentences (cut at 。; list items, headings and notes left out); opening sentences that
 * only set the scene (ending in あった／いた／された) are skipped, at most two; the next sentence is the summary, and the
 * one after it joins when both fit in {@link #MAX_CHARS} characters. A first sentence longer than that is replaced by
 * a written summary.
 */
public record PracticeSummary(String text, boolean derived) {

    public static final int MAX_CHARS = 120;

    private static final Pattern SENTENCE = Pattern.compile("[^。]+。");
    private static final Pattern SCENE = Pattern.compile("(あった|いた|された)。$");

    /**
     * Written by us, by source reference (事例N ①): where the seed's first sentences are too long or describe only a
     * part of the practice. Derived data, so marked as such on every screen.
     */
    private static final Map<String, String> WRITTEN = Map.of(
            "6-3", "新型コロナ流行時に発熱外来・検査外来を担い、関係ができている患者さんのうちオンラインで診られる方にはオンライン診療を行った。",
            "7-2", "事務スタッフや看護師も問診や子育て相談で患者さんに関わり、患者さんのカンファレンスには事務スタッフも参加して治療方針の決定に加わっている。",
            "15-1", "電子カルテから入退院に必要な情報だけを集めた入退院支援DBを作り、院内の多職種の在宅医療支援チームが退院後2週間を手厚く支えている。",
            "16-2", "釜石市・大槌町の医療機関、介護事業所、地域包括支援センター、保健所などが、ICTネットワーク「OKはまゆりネット」で診療情報を共有している。");

    public static PracticeSummary of(String caseNumber, int practiceNumber, String body) {
        String written = WRITTEN.get(caseNumber + "-" + practiceNumber);
        if (written != null) {
            return new PracticeSummary(written, true);
        }
        List<Sentence> sentences = sentences(body);
        if (sentences.isEmpty()) {
            return new PracticeSummary("", true);
        }
        int i = 0;
        while (i < 2 && i < sentences.size() - 1 && SCENE.matcher(sentences.get(i).text()).find()) {
            i++;
        }
        Sentence first = sentences.get(i);
        String text = first.text();
        // the next sentence joins only from the same paragraph, so the summary stays a verbatim excerpt
        if (i + 1 < sentences.size() && sentences.get(i + 1).paragraph() == first.paragraph()
                && text.length() + sentences.get(i + 1).text().length() <= MAX_CHARS) {
            text += sentences.get(i + 1).text();
        }
        return new PracticeSummary(text, false);
    }

    record Sentence(String text, int paragraph) {
    }

    /** Prose sentences of the body, in order; list items (-), headings (<…>) and notes (※) are not prose. */
    static List<Sentence> sentences(String body) {
        List<Sentence> result = new ArrayList<>();
        if (body == null) {
            return result;
        }
        String[] lines = body.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String l = lines[n].strip();
            if (l.isEmpty() || "-<※・＜".indexOf(l.charAt(0)) >= 0) {
                continue;
            }
            Matcher m = SENTENCE.matcher(l);
            while (m.find()) {
                result.add(new Sentence(m.group().strip(), n));
            }
        }
        return result;
    }
}
