@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.facility.domain;

import org.jspecify.annotations.NullMarked;
