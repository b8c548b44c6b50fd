using Konifer.Core.Assets;
using Konifer.Core.Storage;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>A metadata store under test, by role; <see cref="Of{TStore}"/> when one object plays them all, as in the server.</summary>
public sealed record MetadataStoreRoles(IAssetEntries Entries, IVariantRecords Variants, IStaleRecords Stale, IObjectDeletionOutbox Outbox)
{
    public static MetadataStoreRoles Of<TStore>(TStore store)
        where TStore : IAssetEntries, IVariantRecords, IStaleRecords, IObjectDeletionOutbox =>
        new(store, store, store, store);
}
