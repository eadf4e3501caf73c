@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.audit.service;
