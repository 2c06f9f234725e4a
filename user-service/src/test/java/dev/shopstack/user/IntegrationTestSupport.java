package dev.shopstack.user;

import dev.shopstack.events.Topics;
import dev.shopstack.platform.sealing.EventSeal;
import dev.shopstack.platform.test.PublishedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Wires the API helper and an event reader for a test class. */
@UserApiTest
public abstract class IntegrationTestSupport {

    private static PublishedEvents events;

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected EventSeal seal;

    @Autowired
    protected TestClock.MovableClock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    protected Api api;

    @BeforeEach
    void wireApi() {
        if (events == null) {
            events = new PublishedEvents(brokers, Topics.USER_EVENTS, Topics.SESSION_REVOCATIONS);
        }
        api = new Api(mvc, events, seal);
    }

    protected PublishedEvents events() {
        return events;
    }

    @AfterAll
    static void closeEvents() {
        if (events != null) {
            events.close();
            events = null;
        }
    }
}
