@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.associations.domain;

import org.jspecify.annotations.NullMarked;
