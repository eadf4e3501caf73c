@NullMarked
package jp.kakaritsuke.peers.ui;

import org.jspecify.annotations.NullMarked;
