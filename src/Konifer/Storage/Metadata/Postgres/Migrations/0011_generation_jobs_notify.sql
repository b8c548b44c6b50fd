-- Jobs wake the workers of every instance at once instead of at their next poll: a job that becomes takeable by
-- anyone (queued, or handed back by its owner: a release on shutdown or a retry) notifies channel konifer_jobs. No
-- payload: a worker woken looks for due jobs, so PostgreSQL folds the notifications of one transaction into one.
-- Lease renewals and takes keep an owner and notify nothing.
CREATE FUNCTION konifer_generation_jobs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('konifer_jobs', '');
    RETURN NULL;
END $$;

CREATE TRIGGER generation_jobs_notify_insert AFTER INSERT ON generation_jobs
    FOR EACH ROW EXECUTE FUNCTION konifer_generation_jobs_changed();
CREATE TRIGGER generation_jobs_notify_handed_back AFTER UPDATE OF owner ON generation_jobs
    FOR EACH ROW WHEN (OLD.owner IS NOT NULL AND NEW.owner IS NULL) EXECUTE FUNCTION konifer_generation_jobs_changed();
