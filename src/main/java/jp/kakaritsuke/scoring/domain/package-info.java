@org.springframework.modulith.NamedInterface("domain")
package jp.kakaritsuke.scoring.domain;
