package dev.shopstack.platform.test.architecture.broken;

import org.springframework.web.server.ResponseStatusException;

/** Breaks the rule: a service that throws an HTTP exception. */
public class ReportService {

    public void refuse() {
        throw new ResponseStatusException(org.springframework.http.HttpStatus.CONFLICT);
    }
}
