/**
 * Demo data for the embedded default only: a clinic, a hospital and an association with users and submitted
 * rounds, so a newcomer sees every screen at once. Never on the {@code mariadb} profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
@NullMarked
package jp.kakaritsuke.demo;

import org.jspecify.annotations.NullMarked;
