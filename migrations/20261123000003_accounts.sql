-- Accounts and sessions: credentials are mutable secrets, so they live beside the log,
-- never in it. Membership and roles are events of the Organization aggregate.

CREATE TABLE accounts
(
    user_id       uuid PRIMARY KEY,
    username      text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username ON accounts (lower(username));

-- Browser sessions. Only a hash of the token is stored.
CREATE TABLE sessions
(
    token_hash   text PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
    csrf_token   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    ended_at     timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Bearer tokens for integrations; revocable.
CREATE TABLE api_tokens
(
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Every login, failed login and token use. Append-only like the events.
CREATE TABLE access_log
(
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    kind       text        NOT NULL, -- login, login_failed, login_throttled, token_used, logout
    username   text,
    user_id    uuid,
    address    text,
    request_id text,
    detail     text
);
CREATE INDEX access_log_username ON access_log (lower(username), at) WHERE kind = 'login_failed';
CREATE INDEX access_log_address ON access_log (address, at) WHERE kind = 'login_failed';

CREATE TRIGGER access_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
