-- The live projector commits a batch as one statement (the read models' writes, the
-- checkpoints moved, the notification), which PostgreSQL commits on its own: a round
-- trip where an explicit transaction took three. The log is read before, without
-- locking the checkpoints, so the statement moves only checkpoints still where that read
-- found them; this function, called last, refuses the whole statement when one had moved
-- (a rebuild, or a leader that lost its connection, wrote meanwhile), and otherwise
-- commits it without waiting for the WAL flush (read models and checkpoints are lost or
-- kept together, and the projector applies a lost suffix again) and tells every process.
CREATE FUNCTION projection_batch_commit(moved bigint, expected bigint, reached text)
    RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF moved <> expected THEN
        RAISE EXCEPTION 'read model checkpoints moved since the batch was read'
            USING ERRCODE = '40001';
    END IF;
    PERFORM set_config('synchronous_commit', 'off', true);
    PERFORM pg_notify('sanad_projected', reached);
END
$$;
