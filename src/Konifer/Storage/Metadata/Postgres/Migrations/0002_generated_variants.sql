-- Generated variants: one per (asset, canonical transformation), found by jsonb equality (jsonb ignores key order),
-- and an expiry for paths whose variants expire (ttl from creation, idle pushed forward on access).
ALTER TABLE asset_variants ADD COLUMN expires_at timestamptz;

CREATE UNIQUE INDEX asset_variants_transformation ON asset_variants (asset_id, transformation) WHERE NOT is_original;
-- The expiration reaper reads the oldest expiries first.
CREATE INDEX asset_variants_expires ON asset_variants (expires_at) WHERE expires_at IS NOT NULL AND NOT is_original;
