-- Generated variants are stored in two phases, like originals: the row is inserted not ready (invisible) before the
-- object is uploaded and marked ready after, so a crash or a failed update in between leaves a row that the
-- pending-upload sweeper finds, not an object nobody knows about. Rows that existed before are ready; originals
-- keep true here (their readiness is assets.is_ready).
ALTER TABLE asset_variants ADD COLUMN is_ready boolean NOT NULL DEFAULT true;

-- One *ready* variant per (asset, canonical transformation). Pending rows are left out on purpose: a row left behind
-- by a crashed instance must not block a later generation of the same variant until the sweeper clears it, and
-- instances racing on one variant each reserve, upload and then let the first to become ready win (the loser drops
-- its row and queues its object).
DROP INDEX asset_variants_transformation;
CREATE UNIQUE INDEX asset_variants_transformation ON asset_variants (asset_id, transformation) WHERE NOT is_original AND is_ready;

-- The sweeper looks for old pending variants only.
CREATE INDEX asset_variants_pending_created ON asset_variants (created_at) WHERE NOT is_ready;
