-- Search: the image embedding of each entry (SigLIP2's image tower, unit length), under the model that made it. One
-- row per entry, gone with it (ON DELETE CASCADE). pgvector is not packaged for Debian 12, so vectors are real[] and
-- ranking runs in the service (an in-process index per instance, see PostgresEmbeddingIndex).
-- tx is the writing transaction's id: instances keep their index in sync by reading the rows of transactions at or
-- after the oldest one still running at their last read (pg_snapshot_xmin), so a row committed out of order is never
-- missed.
CREATE TABLE entry_embedding (
    asset_id   uuid        PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    model      text        NOT NULL,
    embedding  real[]      NOT NULL,
    tx         xid8        NOT NULL DEFAULT pg_current_xact_id(),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX entry_embedding_tx ON entry_embedding (tx);
