-- One generation per variant across instances (issue 16): an instance that misses a variant claims (asset,
-- transformation) here before generating it; another instance that finds the claim waits for the variant instead of
-- generating it again. A claim is a lease: its owner renews it while generating and deletes it when done, so a claim
-- whose lease ran out belongs to an instance that died or hung, and the next claimant takes it over. Claims of a
-- deleted asset go with it.
CREATE TABLE variant_generation_claims (
    asset_id         uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    transformation   jsonb       NOT NULL,
    owner            text        NOT NULL,
    lease_expires_at timestamptz NOT NULL,
    PRIMARY KEY (asset_id, transformation)
);

-- Waiters are woken when a claim goes (released after the variant became ready, released after a failure, or its asset
-- deleted): channel konifer_claims, payload the asset id. Waiters re-check the variant and the claim themselves, so
-- one asset's notification for several of its variants costs only a look each.
CREATE FUNCTION konifer_claim_released() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('konifer_claims', OLD.asset_id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER variant_generation_claims_notify AFTER DELETE ON variant_generation_claims
    FOR EACH ROW EXECUTE FUNCTION konifer_claim_released();
