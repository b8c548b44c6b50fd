-- The metadata store: assets, their variants (the original for now), per-path entry counters and the object
-- deletion outbox. Paths are ltree values made by LtreePath (segments encoded into ltree labels); the original
-- text is kept next to them so that reading never has to decode.

-- One row per path that ever had an upload. Entry ids come from here, so they are never reused after deletes.
CREATE TABLE asset_entry_counters (
    path          ltree  PRIMARY KEY,
    next_entry_id bigint NOT NULL
);

CREATE TABLE assets (
    id          uuid        PRIMARY KEY,
    path        ltree       NOT NULL,
    path_text   text        NOT NULL,
    entry_id    bigint      NOT NULL,
    alt         text,
    -- Labels as one jsonb object: read with the asset, replaced as a whole, filtered with @> (GIN index below).
    labels      jsonb       NOT NULL DEFAULT '{}',
    tags        text[]      NOT NULL DEFAULT '{}',
    source      text        NOT NULL,
    source_url  text,
    -- Two-phase store: false while the original's bytes are being uploaded; such rows are invisible.
    is_ready    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    modified_at timestamptz NOT NULL,
    -- Also the btree index for lookups at one path: by entry id and newest first (backward scan).
    CONSTRAINT assets_path_entry UNIQUE (path, entry_id)
);

-- Recursive queries (path <@ ancestor).
CREATE INDEX assets_path_gist ON assets USING gist (path);
-- "modified" order at one path.
CREATE INDEX assets_path_modified ON assets (path, modified_at DESC, entry_id DESC);
-- Label filters (labels @> '{"k":"v"}').
CREATE INDEX assets_labels_gin ON assets USING gin (labels jsonb_path_ops);
-- The sweeper of abandoned uploads looks for old pending rows only.
CREATE INDEX assets_pending_created ON assets (created_at) WHERE NOT is_ready;

CREATE TABLE asset_variants (
    id             uuid        PRIMARY KEY,
    asset_id       uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    is_original    boolean     NOT NULL,
    -- Null for the original; the canonical transformation of a generated variant.
    transformation jsonb,
    bucket         text        NOT NULL,
    object_key     text        NOT NULL,
    attributes     jsonb       NOT NULL,
    lqip           jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL
);

CREATE INDEX asset_variants_asset ON asset_variants (asset_id);
CREATE UNIQUE INDEX asset_variants_one_original ON asset_variants (asset_id) WHERE is_original;

-- Objects whose records are gone; the deletion worker removes them from the object store and then the row.
CREATE TABLE object_deletion_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket          text        NOT NULL,
    object_key      text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    -- -infinity: due at once, whatever the clocks of the instances say.
    next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
    last_error      text,
    enqueued_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX object_deletion_outbox_due ON object_deletion_outbox (next_attempt_at, id);
