package jp.kakaritsuke.facility.domain;

import jp.kakaritsuke.base.FacilityKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based reads over the facility tables for other modules' registers and checks (docs/design-decisions/0007):
 * facts about many facilities at once, by id, into records. Lists of ids are sent in chunks of {@value #CHUNK}; for a
 * set larger than {@value #WHOLE_TABLE} ids (a national association's members) one read of the whole column is cheaper
 * than the chunks, and the answer is the same.
 */
@Repository
public class FacilitySetRepository {

    static final int CHUNK = 1_000;
    static final int WHOLE_TABLE = 5_000;

    private final JdbcClient jdbc;

    public FacilitySetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The register facts of the facilities that exist among {@code ids}. */
    public Map<Long, FacilityListing> listings(Collection<Long> ids) {
        Map<Long, FacilityListing> result = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("""
                    SELECT f.id, f.name, f.facility_type, f.municipality, f.consent_identified,
                           CASE WHEN EXISTS (SELECT 1 FROM facility_member m WHERE m.facility_id = f.id) THEN 1 ELSE 0 END AS has_members
                    FROM facility f WHERE f.id IN (:ids)""")
                    .param("ids", chunk)
                    .query((rs, i) -> new FacilityListing(rs.getLong("id"), rs.getString("name"),
                            FacilityKind.valueOf(rs.getString("facility_type")), rs.getString("municipality"),
                            rs.getBoolean("consent_identified"), rs.getInt("has_members") == 1))
                    .list()
                    .forEach(l -> result.put(l.id(), l));
        }
        return result;
    }

    /** Those of {@code ids} that let their associations see their results identified. */
    public Set<Long> consenting(Collection<Long> ids) {
        return select(ids,
                chunk -> jdbc.sql("SELECT id FROM facility WHERE consent_identified = TRUE AND id IN (:ids)")
                        .param("ids", chunk).query(Long.class).list(),
                () -> jdbc.sql("SELECT id FROM facility WHERE consent_identified = TRUE").query(Long.class).list());
    }

    /** Those of {@code ids} that someone has joined. */
    public Set<Long> withMembers(Collection<Long> ids) {
        return select(ids,
                chunk -> jdbc.sql("SELECT DISTINCT facility_id FROM facility_member WHERE facility_id IN (:ids)")
                        .param("ids", chunk).query(Long.class).list(),
                () -> jdbc.sql("SELECT DISTINCT facility_id FROM facility_member").query(Long.class).list());
    }

    private static Set<Long> select(Collection<Long> ids, Function<List<Long>, List<Long>> byChunk,
                                    java.util.function.Supplier<List<Long>> all) {
        Set<Long> result = new HashSet<>();
        if (ids.size() > WHOLE_TABLE) {
            Set<Long> wanted = ids instanceof Set<Long> s ? s : new HashSet<>(ids);
            all.get().stream().filter(wanted::contains).forEach(result::add);
            return result;
        }
        chunks(ids).forEach(chunk -> result.addAll(byChunk.apply(chunk)));
        return result;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> list = new ArrayList<>(new HashSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
        }
        return chunks;
    }
}
