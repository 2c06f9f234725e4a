-- One live email verification code per user; only its hash is stored.
CREATE TABLE email_verifications (
    user_id       CHAR(36)     NOT NULL,
    code_hash     VARCHAR(64)     NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    attempts      INT          NOT NULL DEFAULT 0,
    last_sent_at  TIMESTAMP(6) NOT NULL,
    sends_day     DATE         NOT NULL,
    sends_that_day INT         NOT NULL DEFAULT 1,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_email_verifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Refresh tokens: opaque, only the SHA-256 is stored; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     CHAR(36)     NOT NULL,
    family_id   CHAR(36)     NOT NULL,
    token_hash  VARCHAR(64)     NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    used_at     TIMESTAMP(6) NULL,
    revoked_at  TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_refresh_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE password_reset_tokens (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     CHAR(36)     NOT NULL,
    token_hash  VARCHAR(64)     NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    used_at     TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_password_reset_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_password_reset_tokens_user ON password_reset_tokens (user_id);

-- Avatars live in the database so every replica serves them; re-encoded PNG, at most 512x512.
CREATE TABLE avatars (
    user_id       CHAR(36)     NOT NULL,
    content_type  VARCHAR(32)  NOT NULL,
    image         MEDIUMBLOB   NOT NULL,
    etag          CHAR(64)     NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_avatars_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The outbox table moved to platform-starter (db/shopstack/outbox), migrated with its own history.
