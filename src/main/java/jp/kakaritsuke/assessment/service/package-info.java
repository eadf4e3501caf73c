@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.assessment.service;
