-- Generation that no client waits for (eager variants), as jobs any instance may take (Variants/Jobs). A taker
-- leases a job by setting its owner and moving available_at to the end of the lease; a job waiting for a retry has
-- no owner and is due at available_at. So one column answers "what is due" for new, backed-off and orphaned jobs
-- alike, and the poll of every worker is one range scan of generation_jobs_due.
CREATE TABLE generation_jobs (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A deleted asset takes its jobs with it.
    asset_id       uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    path_text      text        NOT NULL,
    entry_id       bigint      NOT NULL,
    -- The canonical transformation, compared as variants compare theirs (jsonb ignores key order).
    transformation jsonb       NOT NULL,
    -- Takes so far; a release on shutdown gives its take back.
    attempts       integer     NOT NULL DEFAULT 0,
    -- -infinity: due at once, whatever the clocks of the instances say.
    available_at   timestamptz NOT NULL DEFAULT '-infinity',
    owner          text,
    enqueued_at    timestamptz NOT NULL
);

-- One job per variant: queuing it again while it waits or runs adds nothing.
CREATE UNIQUE INDEX generation_jobs_transformation ON generation_jobs (asset_id, transformation);
CREATE INDEX generation_jobs_due ON generation_jobs (available_at, id);
