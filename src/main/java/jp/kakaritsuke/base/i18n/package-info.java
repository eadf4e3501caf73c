/**
 * The Japanese-first translations and the choice of language.
 */
@NullMarked
package jp.kakaritsuke.base.i18n;

import org.jspecify.annotations.NullMarked;
