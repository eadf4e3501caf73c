/** The administrator's view of the outbox. */
@NullMarked
package jp.kakaritsuke.mail.ui;

import org.jspecify.annotations.NullMarked;
