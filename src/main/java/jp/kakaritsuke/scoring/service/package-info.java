@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.scoring.service;
