/** The action plan service, used by its views and API and by the board report. */
@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.actionplan.service;
