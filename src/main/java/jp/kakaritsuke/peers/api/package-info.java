@NullMarked
package jp.kakaritsuke.peers.api;

import org.jspecify.annotations.NullMarked;
