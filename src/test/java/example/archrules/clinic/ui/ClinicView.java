package example.archrules.clinic.ui;

import example.archrules.clinic.service.ClinicService;

/** A planted view calling every method of the planted service. */
public class ClinicView {

    String show(ClinicService clinics) {
        return clinics.adminOnly(1) + clinics.viaHelper(1) + clinics.open() + clinics.byCode("c") + clinics.unchecked(1)
                + clinics.signedInOnly(1) + clinics.twoReadsWithoutTransaction(1) + clinics.programmatic(null, 1);
    }
}
