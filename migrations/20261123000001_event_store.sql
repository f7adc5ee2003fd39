-- The event store: postgres-es's `events` table, extended with one global, ordered log.
-- payload and metadata are jsonb so that metadata can be queried and indexed.
CREATE TABLE events
(
    aggregate_type  text                         NOT NULL,
    aggregate_id    text                         NOT NULL,
    sequence        bigint CHECK (sequence >= 0) NOT NULL,
    event_type      text                         NOT NULL,
    event_version   text                         NOT NULL,
    payload         jsonb                        NOT NULL,
    metadata        jsonb                        NOT NULL,
    -- The global position: one number per event, in insertion order.
    global_position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- The writing transaction. The projector reads in (tx_id, global_position) order and
    -- only below the oldest running transaction, so a late commit is never skipped.
    tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (aggregate_type, aggregate_id, sequence)
);

CREATE INDEX events_log_order ON events (tx_id, global_position);
CREATE INDEX events_command_id ON events (aggregate_type, aggregate_id, (metadata ->> 'command_id'));

-- postgres-es's snapshot table, kept so its repository works unchanged.
CREATE TABLE snapshots
(
    aggregate_type   text                                 NOT NULL,
    aggregate_id     text                                 NOT NULL,
    last_sequence    bigint CHECK (last_sequence >= 0)    NOT NULL,
    current_snapshot bigint CHECK (current_snapshot >= 0) NOT NULL,
    payload          json                                 NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id, last_sequence)
);

-- Append-only, enforced by the database rather than by convention.
CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_append_only();

CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();

-- Wake the projectors of every process. A notification is only a wake-up call: it is
-- delivered at commit and lost while nobody listens, so projectors always catch up from
-- their checkpoint.
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sanad_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER events_wake_projectors
    AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
