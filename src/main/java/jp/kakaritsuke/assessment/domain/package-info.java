@org.springframework.modulith.NamedInterface("domain")
package jp.kakaritsuke.assessment.domain;
