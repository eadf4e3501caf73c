@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.assessment.domain;

import org.jspecify.annotations.NullMarked;
