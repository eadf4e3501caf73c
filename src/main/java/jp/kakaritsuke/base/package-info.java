/**
 * What every feature shares: the clock, i18n, the main layout, API error handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@NullMarked
package jp.kakaritsuke.base;

import org.jspecify.annotations.NullMarked;
