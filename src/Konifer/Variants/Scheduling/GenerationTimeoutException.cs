using Konifer.Core.Problems;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// A running job outlasted <c>variant-generation.timeout</c> and was cancelled; nothing of it was kept. The HTTP layer
/// answers 422: the request was valid, but this server will not make this image within its limit, and asking again
/// would only cost the same time again (so no 503 with <c>Retry-After</c>).
/// </summary>
public sealed class GenerationTimeoutException(TimeSpan timeout, Exception? inner = null)
    : DomainException(ProblemKind.Timeout, $"Generating this image took longer than {VariantGenerationSettings.TimeoutKey} ({timeout.TotalSeconds:0.###} s) allows, " +
                "so it was stopped and nothing was stored. Ask for a smaller size, fewer frames or a faster format.", inner)
{
    public TimeSpan Timeout { get; } = timeout;
}
