@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.associations.service;
