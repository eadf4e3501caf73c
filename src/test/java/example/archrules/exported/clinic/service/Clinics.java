package example.archrules.exported.clinic.service;

public class Clinics {
}
