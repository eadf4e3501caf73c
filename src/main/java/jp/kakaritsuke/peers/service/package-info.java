@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.peers.service;

import org.jspecify.annotations.NullMarked;
