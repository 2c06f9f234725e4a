package dev.shopstack.platform.test.architecture.kept;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the rules: the service owns the transaction and the query, and knows nothing of HTTP. */
public class ReportService {

    private final JdbcTemplate jdbc;

    public ReportService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean ready() {
        return true;
    }

    @Transactional(readOnly = true)
    public int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reports", Integer.class);
    }
}
