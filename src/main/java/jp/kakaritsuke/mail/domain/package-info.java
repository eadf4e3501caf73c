/** The outbox: one row per mail, its state and attempts. */
@NullMarked
package jp.kakaritsuke.mail.domain;

import org.jspecify.annotations.NullMarked;
