/**
 * Operations (issue 14, docs/operations.md): the management port's own security filter chain (Actuator's health,
 * info and Prometheus endpoints, nothing else, never on the application's port), the gauge of open Vaadin sessions,
 * and a log line when the application's availability changes. Readiness itself is Spring Boot's: the application
 * reports ready after every ApplicationRunner (so after the demo seed) has finished. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
@org.jspecify.annotations.NullMarked
package jp.kakaritsuke.operations;
