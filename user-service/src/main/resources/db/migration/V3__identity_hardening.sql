-- Email change: the new address waits here until its code is entered; until then login, reset and every mail use
-- the verified address in email.
ALTER TABLE users ADD COLUMN pending_email VARCHAR(254) NULL;
CREATE INDEX ix_users_pending_email ON users (pending_email);

-- Failed logins are counted per (account, client address) in login_failures now; users.locked_until is the
-- account-wide lock that many failures from several addresses set.
ALTER TABLE users DROP COLUMN failed_logins;

CREATE TABLE login_failures (
    user_id          CHAR(36)     NOT NULL,
    -- an IPv4 address or an IPv6 /64 prefix
    client_key       VARCHAR(64)  NOT NULL,
    failures         INT          NOT NULL,
    last_failure_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (user_id, client_key),
    CONSTRAINT fk_login_failures_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- A code belongs to the address it was sent to (a new account's, or an email change's pending one). Send limits
-- moved to mail_throttle, which also counts per target address.
ALTER TABLE email_verifications ADD COLUMN email VARCHAR(254) NULL;
UPDATE email_verifications SET email = (SELECT u.email FROM users u WHERE u.id = email_verifications.user_id);
ALTER TABLE email_verifications MODIFY email VARCHAR(254) NOT NULL;
ALTER TABLE email_verifications DROP COLUMN last_sent_at;
ALTER TABLE email_verifications DROP COLUMN sends_day;
ALTER TABLE email_verifications DROP COLUMN sends_that_day;
CREATE INDEX ix_email_verifications_email ON email_verifications (email);

-- Cool-down and daily cap of the mails a request can trigger, per account and per target address.
CREATE TABLE mail_throttle (
    throttle_key    VARCHAR(100) NOT NULL,
    last_sent_at    TIMESTAMP(6) NOT NULL,
    sends_day       DATE         NOT NULL,
    sends_that_day  INT          NOT NULL,
    PRIMARY KEY (throttle_key)
);

-- The absolute session lifetime counts from the family's first login; each rotation carries it over.
ALTER TABLE refresh_tokens ADD COLUMN session_started_at TIMESTAMP(6) NULL;
UPDATE refresh_tokens SET session_started_at = created_at;
ALTER TABLE refresh_tokens MODIFY session_started_at TIMESTAMP(6) NOT NULL;
-- "which sessions issued an access token lately" (one access token per refresh token created)
CREATE INDEX ix_refresh_tokens_user_created ON refresh_tokens (user_id, created_at);
