package jp.kakaritsuke.testsupport;

import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.mail.service.MailDelivery;
import jp.kakaritsuke.mail.service.MailKind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free port, and the application's {@link JavaMailSender}
 * pointing at it: every mail the application sends in a test arrives here, through the outbox and the real delivery.
 * Picked up by component scan like {@link Fixtures}; {@code test.mailbox.enabled=false} leaves it out (a context
 * without an SMTP server, where mails stay in the outbox).
 * <pre>
 *   ReceivedMail mail = mailbox.awaitMail("sensei@example.jp", MailKind.FACILITY_INVITATION);
 *   navigate(mail.path());   // "invite/ABCD-…"
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "test.mailbox.enabled", havingValue = "true", matchIfMissing = true)
public class TestMailbox implements DisposableBean {

    /** How long {@link #awaitMail} waits. */
    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail greenMail;
    private final JdbcClient jdbc;
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    public TestMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** A mail as received: {@code kind} from the X-KKF-Mail-Kind header, the body decoded. */
    public record ReceivedMail(String to, MailKind kind, String subject, String body) {

        /** The first http(s) link in the body; fails the test when there is none. */
        public URI link() {
            Matcher m = LINK.matcher(body);
            if (!m.find()) {
                fail("no link in the mail to " + to + ":\n" + body);
            }
            return URI.create(m.group());
        }

        /** The link's path and query without the leading "/": {@code invite/ABCD-…}, for navigate(…) and MockMvc. */
        public String path() {
            URI link = link();
            String path = link.getRawPath() == null ? "" : link.getRawPath();
            String query = link.getRawQuery() == null ? "" : "?" + link.getRawQuery();
            return (path.startsWith("/") ? path.substring(1) : path) + query;
        }
    }

    /** The application's mail sender: GreenMail, except for addresses made {@link #unreachable}. */
    @Bean
    JavaMailSender testMailSender() {
        JavaMailSenderImpl refusing = new JavaMailSenderImpl();
        refusing.setHost("127.0.0.1");
        // port 1: nothing listens there, so the connection is refused at once. A port found free and closed again
        // could later be taken by another test context's web server, which accepts and never speaks SMTP.
        refusing.setPort(1);
        timeouts(refusing);
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
                List<MimeMessage> fine = new ArrayList<>();
                for (MimeMessage message : messages) {
                    if (recipients(message).stream().anyMatch(unreachable::contains)) {
                        refusing.send(message); // a real connection refused, as when the SMTP server is down
                    } else {
                        fine.add(message);
                    }
                }
                if (!fine.isEmpty()) {
                    super.doSend(fine.toArray(MimeMessage[]::new), null);
                }
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        timeouts(sender);
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    /** From now on mails to this address fail as if the SMTP server were down (connection refused). */
    public void unreachable(String address) {
        unreachable.add(address.toLowerCase(Locale.ROOT));
    }

    /** Mails to this address reach the server again. */
    public void reachable(String address) {
        unreachable.remove(address.toLowerCase(Locale.ROOT));
    }

    /**
     * The newest mail of this kind queued to this address (by the outbox, so after a resend it is the new mail, not
     * the first), once it has arrived. Call it after the action that queued the mail has returned (committed). Waits
     * at most {@link #WAIT}; fails the test when no such mail was queued, when it stays in the outbox (KEPT, FAILED)
     * or does not arrive in time.
     */
    public ReceivedMail awaitMail(String address, MailKind kind) {
        String to = address.toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<Queued> queued = newestQueued(to, kind);
            if (queued.isPresent()) {
                Optional<ReceivedMail> mail = receivedWithId(queued.get().id(), to, kind);
                if (mail.isPresent()) {
                    return mail.get();
                }
                if (queued.get().state().equals("KEPT") || queued.get().state().equals("FAILED")) {
                    fail("the " + kind + " mail to " + to + " was not sent: " + queued.get());
                }
            }
            if (System.nanoTime() > deadline) {
                fail(queued.isEmpty() ? "no " + kind + " mail to " + to + " was queued"
                        : "the " + kind + " mail to " + to + " did not arrive within " + WAIT.toSeconds() + " s: " + queued.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private record Queued(long id, String state, int attempts, String lastError) {
    }

    /** Every mail received for this address so far, oldest first. */
    public List<ReceivedMail> received(String address) {
        String to = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(to))
                .map(TestMailbox::read)
                .toList();
    }

    private Optional<Queued> newestQueued(String to, MailKind kind) {
        return jdbc.sql("SELECT id, state, attempts, last_error FROM mail_outbox WHERE recipient = ? AND kind = ?"
                        + " ORDER BY id DESC LIMIT 1").params(to, kind.name())
                .query((rs, i) -> new Queued(rs.getLong("id"), rs.getString("state"), rs.getInt("attempts"),
                        rs.getString("last_error"))).optional();
    }

    /**
     * The received mail with this outbox id, recipient and kind. The id alone is not enough: a dropped schema (the
     * MariaDB run's first context, {@link DropSchemaOnce}) starts ids again while a server started before may still
     * hold mails that carried them.
     */
    private Optional<ReceivedMail> receivedWithId(long id, String to, MailKind kind) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> String.valueOf(id).equals(header(m, MailDelivery.ID_HEADER))
                        && kind.name().equals(header(m, MailDelivery.KIND_HEADER)) && recipients(m).contains(to))
                .reduce((first, second) -> second)
                .map(TestMailbox::read);
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Object content = message.getContent();
            String body = content instanceof String s ? s.replace("\r\n", "\n") : String.valueOf(content);
            String to = recipients(message).stream().findFirst().orElse("");
            return new ReceivedMail(to, MailKind.valueOf(header(message, MailDelivery.KIND_HEADER)), message.getSubject(), body);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all)
                    .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
                    .map(a -> a.toLowerCase(Locale.ROOT)).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the application's own settings: a silent server never holds a delivery (and its job's lock) for long. */
    private static void timeouts(JavaMailSenderImpl sender) {
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "5000");
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
