-- Sessions get an id a person can name without its secret (to end one from their list, and
-- for the account's `SessionsEnded` events), and where they were opened from, so a person
-- can tell their phone from a stranger.
ALTER TABLE sessions
    ADD COLUMN id         uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN address    text,
    ADD COLUMN user_agent text;
CREATE UNIQUE INDEX sessions_id ON sessions (id);
