/** What other modules use: {@link jp.kakaritsuke.mail.service.MailService#queue} and the message types. */
@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.mail.service;

import org.jspecify.annotations.NullMarked;
