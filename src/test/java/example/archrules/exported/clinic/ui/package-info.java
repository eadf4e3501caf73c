@org.springframework.modulith.NamedInterface("ui")
package example.archrules.exported.clinic.ui;
