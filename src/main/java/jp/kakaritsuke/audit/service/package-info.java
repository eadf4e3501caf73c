@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.audit.service;

import org.jspecify.annotations.NullMarked;
