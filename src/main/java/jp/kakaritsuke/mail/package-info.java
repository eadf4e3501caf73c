/**
 * Mail (issue 13): every mail the application sends (invitations, password resets, round notices and reminders) is
 * written to an outbox table in the transaction that caused it, then delivered to SMTP by a job that runs on one node
 * at a time, with retries. Without SMTP settings (the embedded default) mails stay in the outbox for an administrator
 * to read. docs/mail.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
@NullMarked
package jp.kakaritsuke.mail;

import org.jspecify.annotations.NullMarked;
