/** The outbox: one row per mail, its state and attempts. */
package jp.kakaritsuke.mail.domain;
