package dev.shopstack.e2e;

import dev.shopstack.local.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the e2e tests: the whole platform (started once for the run by {@link StackExtension}), a client for its
 * gateway and its mail catcher's inbox.
 */
@ExtendWith(StackExtension.class)
abstract class StackTestSupport {

    static LocalStack stack;
    static Gateway gateway;
    static MailCatcher mail;

    @BeforeAll
    static void connectToTheStack(LocalStack started) {
        stack = started;
        gateway = new Gateway(started.gateway());
        mail = new MailCatcher(started.mailApi());
    }
}
