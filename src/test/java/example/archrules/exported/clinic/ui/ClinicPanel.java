package example.archrules.exported.clinic.ui;

public class ClinicPanel {
}
