package example.archrules.ward.service;

import example.archrules.clinic.service.ClinicRepository;
import example.archrules.clinic.service.ClinicService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planted example for {@code TransactionRuleTest}'s module rule (outside jp.kakaritsuke, never a bean): another
 * module's data through that module's service is accepted; through its repository it is refused, even in a
 * transaction, since the owning module's access checks and transaction are bypassed.
 */
@org.springframework.stereotype.Service
public class WardService {

    private final ClinicService clinicService;
    private final ClinicRepository clinics;

    public WardService(ClinicService clinicService, ClinicRepository clinics) {
        this.clinicService = clinicService;
        this.clinics = clinics;
    }

    /** Accepted: the clinic module's service. */
    @PreAuthorize("hasRole('ADMIN')")
    public String throughTheService(long id) {
        return clinicService.adminOnly(id);
    }

    /** Refused: the clinic module's repository. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public String throughTheRepository(long id) {
        return clinics.name(id);
    }
}
