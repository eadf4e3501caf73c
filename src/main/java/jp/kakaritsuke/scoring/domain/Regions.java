package jp.kakaritsuke.scoring.domain;

import java.util.HashMap;
import java.util.Map;

/** The eight conventional regions (地方) of Japan: "the same region" is a (small) similarity. */
public final class Regions {

    private static final Map<String, String> REGION = new HashMap<>();

    static {
        put("北海道", "北海道");
        put("東北", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県");
        put("関東", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県");
        put("中部", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県");
        put("近畿", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県");
        put("中国", "鳥取県", "島根県", "岡山県", "広島県", "山口県");
        put("四国", "徳島県", "香川県", "愛媛県", "高知県");
        put("九州・沖縄", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");
    }

    private Regions() {
    }

    private static void put(String region, String... prefectures) {
        for (String p : prefectures) {
            REGION.put(p, region);
        }
    }

    /** The region of a prefecture, or null for an unknown name. */
    public static String of(String prefecture) {
        return prefecture == null ? null : REGION.get(prefecture);
    }
}
