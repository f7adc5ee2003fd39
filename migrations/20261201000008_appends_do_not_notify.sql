-- A NOTIFY in the appending transaction makes PostgreSQL serialise those commits (a
-- database-wide lock held until the commit is flushed): appends committed one at a time.
-- The appending process now wakes the projector itself after its commit
-- (store/src/signal.rs); the projector's periodic re-check covers a process that dies in
-- between.
DROP TRIGGER events_wake_projectors ON events;
DROP FUNCTION events_notify();
