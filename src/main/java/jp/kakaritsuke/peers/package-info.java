/**
 * Peers: where a facility stands among comparable facilities that chose to count (benchmarking consent), per role —
 * median, quartiles and its percentile for a default group, a group the user defines and the recommended peers —
 * never naming any facility; groups below the threshold show nothing (docs/peers.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Peers")
@NullMarked
package jp.kakaritsuke.peers;

import org.jspecify.annotations.NullMarked;
