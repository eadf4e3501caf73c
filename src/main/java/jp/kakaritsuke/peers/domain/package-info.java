@org.springframework.modulith.NamedInterface("domain")
@NullMarked
package jp.kakaritsuke.peers.domain;

import org.jspecify.annotations.NullMarked;
