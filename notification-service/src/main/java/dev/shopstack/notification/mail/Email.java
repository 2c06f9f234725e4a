package dev.shopstack.notification.mail;

import java.util.Map;

/**
 * One email to send: {@code template} names the pair {@code templates/<template>.html} and
 * {@code templates/<template>.txt}, both rendered with {@code model}.
 */
public record Email(String to, String subject, String template, Map<String, Object> model) {}
