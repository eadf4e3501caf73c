/** What other modules use: {@link jp.kakaritsuke.mail.service.MailService#queue} and the message types. */
@org.springframework.modulith.NamedInterface("service")
package jp.kakaritsuke.mail.service;
