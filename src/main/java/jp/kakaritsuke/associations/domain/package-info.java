@org.springframework.modulith.NamedInterface("domain")
package jp.kakaritsuke.associations.domain;
