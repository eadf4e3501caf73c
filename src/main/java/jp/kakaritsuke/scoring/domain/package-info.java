@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.scoring.domain;

import org.jspecify.annotations.NullMarked;
