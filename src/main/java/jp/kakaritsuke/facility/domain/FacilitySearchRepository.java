package jp.kakaritsuke.facility.domain;

import java.util.List;

/** The administrator's facility list: a page of the facilities matching every search term, ordered by name. */
public interface FacilitySearchRepository {

    /**
     * Facilities where each term occurs in the name, the prefecture or the municipality (case-insensitive for Latin
     * letters; {@code %} and {@code _} are plain characters), ordered by name and id; {@code offset}/{@code limit} as
     * in SQL.
     */
    List<FacilitySummary> search(List<String> terms, int offset, int limit);

    /** How many facilities {@link #search} would list in all. */
    long countMatching(List<String> terms);
}
