package example.archrules.exported.clinic.domain;

public record Clinic(long id) {
}
