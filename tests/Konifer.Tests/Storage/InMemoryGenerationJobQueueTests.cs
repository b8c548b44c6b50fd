using Konifer.Core.Assets;
using Konifer.Storage.Metadata;
using Konifer.Tests.Storage.Contracts;
using Konifer.Variants.Jobs;

namespace Konifer.Tests.Storage;

public sealed class InMemoryGenerationJobQueueTests : GenerationJobQueueContract
{
    protected override Task<(IAssetEntries Entries, IGenerationJobQueue Queue)> CreateAsync() =>
        Task.FromResult<(IAssetEntries, IGenerationJobQueue)>((new InMemoryAssetRepository(), new InMemoryGenerationJobQueue()));
}
