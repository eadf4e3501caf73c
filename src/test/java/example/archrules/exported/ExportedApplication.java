package example.archrules.exported;

/** A planted application for ModularityTest's own test: module {@code clinic} exports its ui package. */
@org.springframework.boot.autoconfigure.SpringBootApplication
class ExportedApplication {
}
