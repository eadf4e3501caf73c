/** Planted extension code for ProductionBundleTest's rules (they must find {@link example.archrules.bundle.BareSection}). */
@NullMarked
package example.archrules.bundle;

import org.jspecify.annotations.NullMarked;
