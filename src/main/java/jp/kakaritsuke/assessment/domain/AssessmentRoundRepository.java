package jp.kakaritsuke.assessment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AssessmentRoundRepository extends JpaRepository<AssessmentRound, Long> {

    /**
     * The round for saving an answer: its version is verified at commit (a submit in between fails the save) but not
     * incremented, so editors saving different roles do not collide on the round.
     */
    @Lock(LockModeType.OPTIMISTIC)
    @Query("select r from AssessmentRound r where r.id = :id")
    Optional<AssessmentRound> findForAnswer(long id);

    /** Records who changed the round last without bumping its version (see {@link #findForAnswer}). */
    @Modifying(flushAutomatically = true)
    @Query("update AssessmentRound r set r.updated.at = :at, r.updated.by = :by where r.id = :id")
    int touch(long id, Instant at, String by);

    @Query("select r from AssessmentRound r where r.facilityId = :facilityId order by r.created.at desc")
    List<AssessmentRound> findByFacilityIdOrderByStartedAtDesc(long facilityId);

    @Query("select r from AssessmentRound r where r.facilityId in :facilityIds order by r.created.at desc")
    List<AssessmentRound> findByFacilityIdInOrderByStartedAtDesc(Collection<Long> facilityIds);

    Optional<AssessmentRound> findFirstByFacilityIdAndStatus(long facilityId, RoundStatus status);

    /** The newest by submission time (the stamp is embedded, so the query names its path). */
    default Optional<AssessmentRound> findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(long facilityId, RoundStatus status) {
        return newestSubmittedFirst(facilityId, status, Limit.of(1)).stream().findFirst();
    }

    @Query("select r from AssessmentRound r where r.facilityId = :facilityId and r.status = :status order by r.submitted.at desc")
    List<AssessmentRound> newestSubmittedFirst(long facilityId, RoundStatus status, Limit limit);

    /** The submitted rounds of a facility submitted before the given one (ties broken by id): newest first. */
    @Query("""
            select r from AssessmentRound r
            where r.facilityId = :facilityId and r.status = jp.kakaritsuke.assessment.domain.RoundStatus.SUBMITTED
              and r.id <> :roundId
              and (r.submitted.at < :submittedAt or (r.submitted.at = :submittedAt and r.id < :roundId))
            order by r.submitted.at desc, r.id desc""")
    List<AssessmentRound> findSubmittedBefore(long facilityId, long roundId, Instant submittedAt,
                                              Limit limit);

    /**
     * Every submitted round of a facility, oldest first, with its answers and their indicator values in the same
     * query (the trend reads every round's answers: one statement instead of one per round and per answer).
     */
    @Query("""
            select r from AssessmentRound r left join fetch r.answers a left join fetch a.indicators
            where r.facilityId = :facilityId and r.status = jp.kakaritsuke.assessment.domain.RoundStatus.SUBMITTED
            order by r.submitted.at, r.id""")
    List<AssessmentRound> findSubmittedWithAnswers(long facilityId);
}
