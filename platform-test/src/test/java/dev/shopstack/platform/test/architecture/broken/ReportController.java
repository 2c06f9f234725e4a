package dev.shopstack.platform.test.architecture.broken;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Breaks two rules: a transactional controller method that queries the database itself. */
@RestController
public class ReportController {

    private final JdbcTemplate jdbc;

    public ReportController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    @GetMapping("/reports")
    public Integer count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reports", Integer.class);
    }
}
