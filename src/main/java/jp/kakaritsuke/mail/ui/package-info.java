/** The administrator's view of the outbox. */
package jp.kakaritsuke.mail.ui;
