-- Variant retention (transform.retention.cache): each generated variant keeps an access score that halves every
-- half-life of its path and grows by the accesses counted since the last flush, and the time of its last access.
-- When a variant becomes ready, its asset keeps it plus the best max-variants - 1 other ready generated variants
-- (score decayed to the same instant, then last access, then creation, newest first) and evicts the rest.
-- Rows that existed before start at score 0 as of now and were never accessed; new rows start at 1 as of their
-- creation. Times are timestamptz like every other column here (the reference uses UTC timestamps without a zone).
ALTER TABLE asset_variants
    ADD COLUMN access_score       double precision NOT NULL DEFAULT 0,
    ADD COLUMN access_score_as_of timestamptz      NOT NULL DEFAULT now(),
    ADD COLUMN last_accessed_at   timestamptz;
