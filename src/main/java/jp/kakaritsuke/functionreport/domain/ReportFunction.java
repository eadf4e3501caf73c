package jp.kakaritsuke.functionreport.domain;

/**
 * The report's functions in the order of its 報告項目一覧. Labels are in the resource bundles
 * ({@code functionreport.function.<name>}); item codes start with {@link #prefix()}.
 */
public enum ReportFunction {
    /** 1号機能: 日常的な診療を総合的かつ継続的に行う機能. Only a facility with it reports 2号. */
    NO1("NO1"),
    /** 2号機能 (イ) 通常の診療時間外の診療 */
    NO2_A("NO2A"),
    /** 2号機能 (ロ) 入退院時の支援 */
    NO2_B("NO2B"),
    /** 2号機能 (ハ) 在宅医療の提供 */
    NO2_C("NO2C"),
    /** 2号機能 (ニ) 介護サービス等と連携した医療提供 */
    NO2_D("NO2D"),
    /** その他の報告事項 (健診、予防接種など) */
    OTHER("OTHER");

    private final String prefix;

    ReportFunction(String prefix) {
        this.prefix = prefix;
    }

    /** The start of its items' codes, e.g. {@code NO2A} in {@code NO2A.ROTA}. */
    public String prefix() {
        return prefix;
    }

    public boolean secondary() {
        return this == NO2_A || this == NO2_B || this == NO2_C || this == NO2_D;
    }
}
