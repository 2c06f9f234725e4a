CREATE TABLE users (
    id              CHAR(36)     NOT NULL,
    email           VARCHAR(254) NOT NULL,
    username        VARCHAR(32)  NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    first_name      VARCHAR(100) NULL,
    last_name       VARCHAR(100) NULL,
    phone_number    VARCHAR(16)  NULL,
    address         VARCHAR(500) NULL,
    email_verified  BOOLEAN      NOT NULL DEFAULT FALSE,
    locked          BOOLEAN      NOT NULL DEFAULT FALSE,
    failed_logins   INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP(6) NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    -- email is stored normalized (trimmed, lower case), so a plain unique index is case-insensitive
    CONSTRAINT uk_users_email UNIQUE (email),
    CONSTRAINT uk_users_username UNIQUE (username)
);

-- the admin list sorts by creation
CREATE INDEX ix_users_created ON users (created_at);

CREATE TABLE user_roles (
    user_id  CHAR(36)    NOT NULL,
    role     VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- "is there any admin?" at start-up
CREATE INDEX ix_user_roles_role ON user_roles (role);
