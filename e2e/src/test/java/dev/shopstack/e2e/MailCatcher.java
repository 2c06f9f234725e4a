package dev.shopstack.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** The local SMTP catcher's inbox (GreenMail's REST API), read the way a person would read their mail. */
final class MailCatcher {

    record Mail(String subject, String raw) {}

    private final String api;

    MailCatcher(String api) {
        this.api = api;
    }

    List<Mail> inbox(String address) {
        var response =
                Http.get(api + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
        List<Mail> mails = new ArrayList<>();
        if (response.statusCode() != 200) {
            return mails; // GreenMail creates the mailbox with the first mail
        }
        Http.json(response)
                .forEach(m -> mails.add(new Mail(
                        m.path("subject").asString(), m.path("mimeMessage").asString())));
        return mails;
    }

    List<Mail> withSubject(String address, String subjectPart) {
        return inbox(address).stream()
                .filter(m -> m.subject().contains(subjectPart))
                .toList();
    }

    Mail await(String address, String subjectPart, Duration timeout) {
        return Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> withSubject(address, subjectPart), list -> !list.isEmpty())
                .get(0);
    }

    /** The token of the reset link, from the raw message (quoted-printable soft breaks and "=3D" undone). */
    static String resetToken(Mail mail) {
        String text = mail.raw().replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher m = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("No reset link in the mail: " + mail.subject());
        }
        return m.group(1);
    }

    static String verificationCode(Mail mail) {
        Matcher m = Pattern.compile("verification code is: ([0-9]{6})").matcher(mail.raw());
        if (!m.find()) {
            throw new AssertionError("No code in the verification mail: " + mail.subject());
        }
        return m.group(1);
    }
}
