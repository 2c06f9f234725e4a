package dev.shopstack.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

    /**
     * Plain-text templates ({@code mail/x.txt}) next to Boot's HTML resolver ({@code mail/x} is
     * {@code templates/mail/x.html}). Boot adds every resolver bean to its template engine; the pattern keeps
     * the two apart, and TEXT mode does not HTML-escape the plain part.
     */
    @Bean
    ITemplateResolver plainTextMailTemplates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of("*.txt"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        return resolver;
    }
}
