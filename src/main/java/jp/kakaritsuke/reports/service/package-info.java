@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.reports.service;
