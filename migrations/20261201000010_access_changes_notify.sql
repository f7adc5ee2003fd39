-- Who may act is cached per process for signed-in sessions (api/src/auth/session_cache.rs).
-- Every change that can take a right away notifies `sanad_access` at commit, whoever makes
-- it (a logout in another process, the projector writing memberships or an organisation's
-- standing, an operator's SQL), and every process's cache forgets what it held.
--
-- Row triggers, not statement triggers: the projector's statements run whether or not
-- they touch a row, and a notification per statement would empty the caches for nothing.
-- PostgreSQL sends one notification per transaction however many rows fire.
CREATE FUNCTION access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sanad_access', '');
    RETURN NULL;
END;
$$;

-- A session ends, or is made to look older or idle for longer. The once-a-minute refresh
-- of last_seen_at moves it forward and notifies nobody.
CREATE TRIGGER sessions_access_changed
    AFTER UPDATE ON sessions
    FOR EACH ROW
    WHEN (NEW.ended_at IS DISTINCT FROM OLD.ended_at
          OR NEW.last_seen_at < OLD.last_seen_at
          OR NEW.created_at <> OLD.created_at
          OR NEW.user_id <> OLD.user_id)
    EXECUTE FUNCTION access_changed();
CREATE TRIGGER sessions_access_removed
    AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION access_changed();

-- An account disabled or renamed.
CREATE TRIGGER accounts_access_changed
    AFTER UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION access_changed();

-- A membership added, changed or removed.
CREATE TRIGGER members_access_changed
    AFTER INSERT OR UPDATE OR DELETE ON organization_members
    FOR EACH ROW EXECUTE FUNCTION access_changed();
CREATE TRIGGER members_access_truncated
    AFTER TRUNCATE ON organization_members
    FOR EACH STATEMENT EXECUTE FUNCTION access_changed();

-- An organisation verified, suspended or reinstated (its kind never changes, but a
-- rebuild may write any row).
CREATE TRIGGER organizations_access_changed
    AFTER UPDATE ON organizations
    FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.kind IS DISTINCT FROM OLD.kind)
    EXECUTE FUNCTION access_changed();
CREATE TRIGGER organizations_access_removed
    AFTER DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION access_changed();
CREATE TRIGGER organizations_access_truncated
    AFTER TRUNCATE ON organizations
    FOR EACH STATEMENT EXECUTE FUNCTION access_changed();
