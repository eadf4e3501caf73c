@org.springframework.modulith.NamedInterface("domain")
package example.archrules.exported.clinic.domain;
