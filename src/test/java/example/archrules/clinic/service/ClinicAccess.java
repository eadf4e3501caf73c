package example.archrules.clinic.service;

/** A planted access helper for the architecture rules' own tests (never a Spring bean: outside jp.kakaritsuke). */
@org.springframework.stereotype.Service
public class ClinicAccess {

    public void require(long clinicId) {
    }

    public String currentUser() {
        return "someone";
    }
}
