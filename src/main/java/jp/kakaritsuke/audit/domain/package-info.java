@org.springframework.modulith.NamedInterface("domain")
package jp.kakaritsuke.audit.domain;
