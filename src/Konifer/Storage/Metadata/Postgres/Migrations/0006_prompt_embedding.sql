-- Upload rules (SigLIP2): the text tower's embedding of each normalized rule prompt, per model, so that a prompt is
-- embedded once and survives restarts. Several instances may embed the same prompt at once; the first insert wins
-- (ON CONFLICT DO NOTHING on the unique key). Ids are time-ordered (UUIDv7) as the reference's. created_at is
-- timestamptz like every other column here (the reference uses a UTC timestamp without a zone).
CREATE TABLE prompt_embedding (
    id          uuid        PRIMARY KEY,
    model       text        NOT NULL,
    prompt_text text        NOT NULL,
    embedding   real[]      NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE UNIQUE INDEX prompt_embedding_cache_uq ON prompt_embedding (model, prompt_text);
