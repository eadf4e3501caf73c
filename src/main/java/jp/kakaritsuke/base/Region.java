package jp.kakaritsuke.base;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The eight conventional regions (地方) of Japan, in the official order of their prefectures: "the same region" is a
 * small similarity in the scoring and a choice of peer group. Labels: {@code region.<NAME>} in the bundles.
 */
public enum Region {
    HOKKAIDO("北海道"),
    TOHOKU("青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県"),
    KANTO("茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県"),
    CHUBU("新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県"),
    KINKI("三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県"),
    CHUGOKU("鳥取県", "島根県", "岡山県", "広島県", "山口県"),
    SHIKOKU("徳島県", "香川県", "愛媛県", "高知県"),
    KYUSHU_OKINAWA("福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    private final List<String> prefectures;

    Region(String... prefectures) {
        this.prefectures = List.of(prefectures);
    }

    public List<String> prefectures() {
        return prefectures;
    }

    /** The region of a prefecture (its name as in facility.domain.Prefectures); null for anything else. */
    public static @Nullable Region of(@Nullable String prefecture) {
        if (prefecture == null) {
            return null; // List.of(…).contains(null) would throw
        }
        for (Region r : values()) {
            if (r.prefectures.contains(prefecture)) {
                return r;
            }
        }
        return null;
    }
}
