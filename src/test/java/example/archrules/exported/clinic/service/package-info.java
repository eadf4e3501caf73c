@org.springframework.modulith.NamedInterface("service")
package example.archrules.exported.clinic.service;
