package example.archrules.clinic.service;

/** A planted repository (named so; a Spring Data interface or an @Repository class would count too). */
@org.springframework.stereotype.Repository
public class ClinicRepository {

    public String name(long id) {
        return "clinic " + id;
    }
}
