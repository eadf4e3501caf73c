package jp.kakaritsuke.assessment.domain;

import java.util.Optional;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RoleAnswerRepository extends JpaRepository<RoleAnswer, Long> {

    @Query("select a from RoleAnswer a where a.round.id = :roundId and a.roleCode = :roleCode")
    Optional<RoleAnswer> find(long roundId, RoleCode roleCode);
}
