package jp.kakaritsuke.functionreport.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The association rollup's read of its members' preparations: two queries for any number of members. Used by the
 * associations module's services after their own visibility check; no authorisation here.
 */
@Repository
public class PreparationSummaryRepository {

    private final JdbcClient jdbc;

    public PreparationSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The preparations of these facilities for the report year (none for facilities that have not started). */
    public List<PreparationSummary> summaries(Collection<Long> facilityIds, int reportYear) {
        throw new UnsupportedOperationException("CONTRACT: implemented by the preparation stream");
    }
}
