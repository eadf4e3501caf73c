package jp.kakaritsuke.mail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What docs/mail.md promises about the settings: without {@code spring.mail.host} there is no mail sender (outbox
 * only); the environment variables it lists configure host, port, credentials and TLS.
 */
class MailSettingsTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

    @Test
    void withoutAHostThereIsNoMailSender() {
        runner.run(context -> assertThat(context).doesNotHaveBean(JavaMailSender.class));
    }

    @Test
    void theDocumentedEnvironmentVariablesConfigureTheSender() {
        Map<String, Object> environment = Map.of(
                "SPRING_MAIL_HOST", "smtp.example.jp",
                "SPRING_MAIL_PORT", "587",
                "SPRING_MAIL_USERNAME", "kakaritsuke@example.jp",
                "SPRING_MAIL_PASSWORD", "secret",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH", "true",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
                .run(context -> {
                    JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
                    assertThat(sender.getHost()).isEqualTo("smtp.example.jp");
                    assertThat(sender.getPort()).isEqualTo(587);
                    assertThat(sender.getUsername()).isEqualTo("kakaritsuke@example.jp");
                    assertThat(sender.getJavaMailProperties())
                            .containsEntry("mail.smtp.auth", "true")
                            .containsEntry("mail.smtp.starttls.enable", "true")
                            .containsEntry("mail.smtp.starttls.required", "true");
                });
    }
}
