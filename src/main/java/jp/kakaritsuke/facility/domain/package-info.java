@org.springframework.modulith.NamedInterface("domain")
package jp.kakaritsuke.facility.domain;
