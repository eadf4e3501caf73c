package jp.kakaritsuke.actionplan.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionItemRepository extends JpaRepository<ActionItem, Long> {

    List<ActionItem> findByFacilityIdOrderByIdAsc(long facilityId);

    List<ActionItem> findByFacilityIdAndStatusInOrderByIdAsc(long facilityId, Collection<ActionStatus> statuses);
}
