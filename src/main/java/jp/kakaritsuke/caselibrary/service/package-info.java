/** The case library's service, used by its views and API and by other modules. */
@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.caselibrary.service;
