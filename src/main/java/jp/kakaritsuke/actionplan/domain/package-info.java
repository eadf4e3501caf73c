@org.springframework.modulith.NamedInterface("domain")
package jp.kakaritsuke.actionplan.domain;
