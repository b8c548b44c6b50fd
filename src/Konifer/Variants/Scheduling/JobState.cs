namespace Konifer.Variants.Scheduling;

/// <summary>Where a job is in its life; only queued jobs can be promoted or dropped.</summary>
internal enum JobState
{
    Queued,
    Running,
    Finished,
}
