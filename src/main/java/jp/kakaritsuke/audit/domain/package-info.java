@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.audit.domain;

import org.jspecify.annotations.NullMarked;
