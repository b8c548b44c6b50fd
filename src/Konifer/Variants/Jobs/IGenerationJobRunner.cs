namespace Konifer.Variants.Jobs;

/// <summary>
/// Does one taken job. Returning means done (also when there was nothing to do: the asset was deleted meanwhile, the
/// variant exists); throwing means failed, to be retried. The worker owns leases and retries; the runner only works.
/// </summary>
public interface IGenerationJobRunner
{
    Task RunAsync(GenerationJob job, CancellationToken cancellationToken);
}
