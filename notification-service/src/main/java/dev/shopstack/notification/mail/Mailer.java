package dev.shopstack.notification.mail;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an {@link Email} to multipart HTML + plain text and hands it to the SMTP server. The hand-over is an
 * observation ({@code shop.mail.send}, span "smtp send"): the last span of an event's trace, and a timer per template.
 */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final ITemplateEngine templates;
    private final MailProperties settings;
    private final ObservationRegistry observations;

    public Mailer(
            JavaMailSender sender,
            ITemplateEngine templates,
            MailProperties settings,
            ObservationRegistry observations) {
        this.sender = sender;
        this.templates = templates;
        this.settings = settings;
        this.observations = observations;
    }

    /** Throws a {@link org.springframework.mail.MailException} when the server cannot be reached or refuses. */
    public void send(Email email) {
        var context = new Context(Locale.ENGLISH, email.model());
        String html = templates.process(email.template(), context);
        String text = templates.process(email.template() + ".txt", context);
        MimeMessage message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(text, html);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        Observation.createNotStarted("shop.mail.send", observations)
                .contextualName("smtp send")
                .lowCardinalityKeyValue("template", email.template())
                .observe(() -> sender.send(message));
    }
}
