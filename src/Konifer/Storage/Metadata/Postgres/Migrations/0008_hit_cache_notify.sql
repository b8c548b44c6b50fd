-- Hit cache invalidation (issue 16): every committed change to what a read of a path would answer notifies channel
-- konifer_assets with that path, so other instances evict their cached reads of it. Triggers, not a pg_notify in each
-- statement: no write (store, update, delete, recursive delete, variant ready, expiry, retention eviction, sweeps) can
-- forget it. NOTIFY is delivered at commit and PostgreSQL folds identical notifications of one transaction into one.
-- Access flushes change only scores, last access and idle expiry, which a hit does not depend on: they notify nothing,
-- or every flush would empty the caches. A payload too long for NOTIFY (8000 bytes) becomes '*': evict everything.
CREATE FUNCTION konifer_notify_path(path text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF path IS NULL THEN RETURN; END IF;
    PERFORM pg_notify('konifer_assets', CASE WHEN octet_length(path) > 7000 THEN '*' ELSE path END);
END $$;

CREATE FUNCTION konifer_assets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.is_ready THEN PERFORM konifer_notify_path(OLD.path_text); END IF;
        RETURN OLD;
    END IF;
    -- A pending asset is invisible to reads: only becoming ready, or changing while ready, is news.
    IF NEW.is_ready OR (TG_OP = 'UPDATE' AND OLD.is_ready) THEN PERFORM konifer_notify_path(NEW.path_text); END IF;
    IF TG_OP = 'UPDATE' AND OLD.path_text IS DISTINCT FROM NEW.path_text THEN PERFORM konifer_notify_path(OLD.path_text); END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER assets_notify AFTER INSERT OR UPDATE OR DELETE ON assets
    FOR EACH ROW EXECUTE FUNCTION konifer_assets_changed();

-- A variant row's path is its asset's; when the asset itself is being deleted (cascade) the row is gone already and
-- the asset's own trigger has notified.
CREATE FUNCTION konifer_asset_variants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_asset uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.asset_id ELSE NEW.asset_id END;
BEGIN
    PERFORM konifer_notify_path((SELECT path_text FROM assets WHERE id = row_asset AND is_ready));
    RETURN NULL;
END $$;

CREATE TRIGGER asset_variants_notify_insert AFTER INSERT ON asset_variants
    FOR EACH ROW WHEN (NEW.is_ready) EXECUTE FUNCTION konifer_asset_variants_changed();
CREATE TRIGGER asset_variants_notify_ready AFTER UPDATE ON asset_variants
    FOR EACH ROW WHEN (OLD.is_ready IS DISTINCT FROM NEW.is_ready) EXECUTE FUNCTION konifer_asset_variants_changed();
CREATE TRIGGER asset_variants_notify_delete AFTER DELETE ON asset_variants
    FOR EACH ROW WHEN (OLD.is_ready) EXECUTE FUNCTION konifer_asset_variants_changed();
