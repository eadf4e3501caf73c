package jp.kakaritsuke.associations.bench;

import java.util.BitSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import jp.kakaritsuke.associations.domain.*;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class RollupProfile {
    static long sink;
    static double min(Runnable r) { r.run(); double best = 1e9; for (int i = 0; i < 12; i++) { long s = System.nanoTime(); r.run(); best = Math.min(best, (System.nanoTime() - s) / 1e6); } return best; }
    public static void main(String[] args) throws Exception {
        DataSource ds = ScaleDataGenerator.dataSource(args.length > 0 ? args[0] : "kkf_scale");
        JdbcClient jdbc = JdbcClient.create(ds);
        AssociationRepository associations = new AssociationRepository(jdbc);
        AssociationTree tree = associations.tree();
        Association national = tree.all().stream().filter(a -> a.level() == AssociationLevel.NATIONAL).findFirst().orElseThrow();
        Set<Long> scope = tree.subtree(national.id());
        String in = " WHERE s.facility_id IN (SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids))";
        String cols = "s.facility_id, s.municipality, s.consent_identified, s.has_draft, s.profile, s.previous_profile, s.previous_priorities_known";
        RowCallbackHandler wide = rs -> { sink += rs.getLong(1) + rs.getString(2).length() + (rs.getBoolean(3) ? 1 : 0) + (rs.getBoolean(4) ? 1 : 0) + rs.getLong(5) + rs.getLong(6) + (rs.getBoolean(7) ? 1 : 0); };
        String[] cs = {"s.profile", "s.profile, s.municipality", "s.profile, s.latest_submitted_at", "s.profile, s.latest_submitted_at", "s.profile, s.latest_submitted_at", "s.profile, s.facility_id, s.has_draft, s.previous_profile, s.previous_priorities_known", "s.profile, s.name", "s.profile, s.consent_identified, s.name"};
        for (int round = 0; round < 2; round++) {
            for (int c = 0; c < cs.length; c++) {
                int cc = c;
                RowCallbackHandler h = rs -> { sink += rs.getLong(1); switch (cc) {
                    case 1, 6 -> sink += rs.getString(2).length();
                    case 2 -> sink += rs.getTimestamp(2).getTime();
                    case 3 -> sink += rs.getObject(2, java.time.LocalDateTime.class).getNano();
                    case 4 -> sink += rs.getObject(2, java.time.Instant.class).getNano();
                    case 5 -> sink += rs.getLong(2) + (rs.getBoolean(3) ? 1 : 0) + rs.getLong(4) + (rs.getBoolean(5) ? 1 : 0);
                    case 7 -> { if (rs.getBoolean(2)) sink += rs.getString(3).length(); }
                    default -> { } } };
                try { System.out.printf(Locale.ROOT, "%d %4.0f ms %s%n", c, min(() -> jdbc.sql("SELECT " + cs[cc] + " FROM member_state s").query(h)), cs[c]); } catch (Exception e) { System.out.println(c + " " + e); }
            }
        }
    }
}
