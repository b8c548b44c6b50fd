using Microsoft.Extensions.Hosting;

namespace Konifer.Rules;

/// <summary>
/// Embeds the configured prompts in the background once the server starts, so the first upload does not pay for the
/// text tower; when every prompt is already stored, the text tower is never run. Start-up does not wait for it.
/// </summary>
public sealed class PromptEmbeddingWarmUp(RuleDefinitions definitions, PromptEmbeddings promptEmbeddings) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = promptEmbeddings.StartWarmUp(definitions.AllPrompts(), stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await running.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => stopping.Dispose();
}
