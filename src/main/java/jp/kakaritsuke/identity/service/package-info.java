/** Identity services other modules use: the current user, creating accounts. */
@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.identity.service;
