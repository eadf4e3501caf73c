@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.actionplan.domain;

import org.jspecify.annotations.NullMarked;
