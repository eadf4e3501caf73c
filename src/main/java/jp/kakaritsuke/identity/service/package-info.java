/** Identity services other modules use: the current user, creating accounts. */
@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.identity.service;

import org.jspecify.annotations.NullMarked;
