@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.facility.service;
