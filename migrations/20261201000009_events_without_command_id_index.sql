-- Nothing reads events through this index: a repeated commandId is found among the
-- aggregate's own events, which the store loads by the primary key (or keeps in memory).
-- It cost every append an index entry of three text keys, and its WAL.
DROP INDEX IF EXISTS events_command_id;
