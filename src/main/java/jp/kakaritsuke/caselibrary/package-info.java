/**
 * The case library: the 14 roles, the 19 cases and 6 reference cases of the MHLW 事例集 (2022) with their
 * practices, and the 衛生部長会 survey. Published reference data, read-mostly and cached in memory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case library")
@NullMarked
package jp.kakaritsuke.caselibrary;

import org.jspecify.annotations.NullMarked;
