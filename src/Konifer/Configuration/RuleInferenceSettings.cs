namespace Konifer.Configuration;

/// <summary>
/// <c>rules.inference</c> (ours): the pool model runs take place in, apart from the request threads, so a burst of
/// uploads waits in its own queue instead of starving fetches. A full queue refuses the upload rather than piling up.
/// </summary>
/// <param name="Workers"><c>rules.inference.workers</c>: model runs at once.</param>
/// <param name="QueueSize"><c>rules.inference.queue-size</c>: runs waiting for a worker before new ones are refused.</param>
public sealed record RuleInferenceSettings(int Workers = 1, int QueueSize = 64);
