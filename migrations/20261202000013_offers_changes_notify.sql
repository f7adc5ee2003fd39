-- What providers offer where is cached per process for the claim and transfer rules
-- (api/src/referrals/offer_cache.rs). Every change to a service notifies `sanad_offers` at
-- commit, whoever makes it (the projector writing the directory, an operator's SQL), and
-- every process's cache forgets what it held. An organisation's standing already
-- notifies `sanad_access` (migration 000010), which the cache heeds too.
--
-- A channel of its own: a service's capacity changes often, and the signed-in sessions
-- cached on `sanad_access` have nothing to do with it.
CREATE FUNCTION offers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sanad_offers', '');
    RETURN NULL;
END;
$$;

-- Only what decides a claim: the category and the governorates (not the capacity, which
-- the directory's upserts move often).
CREATE TRIGGER services_offers_changed
    AFTER UPDATE ON organization_services
    FOR EACH ROW
    WHEN (NEW.category IS DISTINCT FROM OLD.category
          OR NEW.governorates IS DISTINCT FROM OLD.governorates
          OR NEW.organization_id IS DISTINCT FROM OLD.organization_id)
    EXECUTE FUNCTION offers_changed();
CREATE TRIGGER services_offers_added_or_removed
    AFTER INSERT OR DELETE ON organization_services
    FOR EACH ROW EXECUTE FUNCTION offers_changed();
CREATE TRIGGER services_offers_truncated
    AFTER TRUNCATE ON organization_services
    FOR EACH STATEMENT EXECUTE FUNCTION offers_changed();
