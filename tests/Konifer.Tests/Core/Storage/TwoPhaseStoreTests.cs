using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Storage.Objects;
using Konifer.Tests.Storage;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Core.Storage;

/// <summary>
/// The shared second phase of storing originals and variants: what is abandoned when, with which token, which lines
/// are logged, and which failure the caller sees.
/// </summary>
public sealed class TwoPhaseStoreTests : IAsyncLifetime
{
    private static readonly AssetPath Path = AssetPath.Parse("/photos/two-phase");
    private readonly InMemoryObjectStore _objects = new();
    private readonly FlakyObjectStore _objectStore;
    private readonly CapturingLogger<TwoPhaseStoreTests> _logger = new();
    private readonly List<CancellationToken> _abandoned = [];
    private TemporaryFile _file = null!;

    public TwoPhaseStoreTests() => _objectStore = new FlakyObjectStore(_objects, failures: 0);

    public async Task InitializeAsync()
    {
        _file = TemporaryFile.Reserve(".png");
        await File.WriteAllBytesAsync(_file.FilePath, [1, 2, 3]);
    }

    public async Task DisposeAsync() => await _file.DisposeAsync();

    private ReservedUpload Upload(bool isVariant = false) =>
        new(_file.FilePath, ObjectLocation.NewFor("assets", ImageFormat.Png), "image/png", Path, 3, isVariant);

    private Task<string> StoreAsync(ReservedUpload upload, Func<Task<string>> markReady, Func<CancellationToken, Task>? abandon = null,
        CancellationToken cancellationToken = default) =>
        TwoPhaseStore.UploadThenMarkReadyAsync(_objectStore, upload, markReady, abandon ?? (token =>
        {
            _abandoned.Add(token);
            return Task.CompletedTask;
        }), _logger, cancellationToken);

    private string[] Templates() => _logger.Entries.Select(e => (string)e.Values["{OriginalFormat}"]!).ToArray();

    [Fact]
    public async Task A_stored_upload_is_marked_ready_and_nothing_is_abandoned_or_logged()
    {
        var upload = Upload();

        Assert.Equal("ready", await StoreAsync(upload, () => Task.FromResult("ready")));

        await using var stored = await _objects.GetAsync(upload.Location, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Empty(_abandoned);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task A_failed_upload_is_abandoned_uncancelled_logged_and_rethrown_without_marking_ready()
    {
        var failure = new ObjectStoreUnavailableException("down");
        _objectStore.PutFailure = failure;
        var marked = false;

        var thrown = await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => StoreAsync(Upload(), () =>
        {
            marked = true;
            return Task.FromResult("ready");
        }));

        Assert.Same(failure, thrown);
        Assert.False(marked);
        Assert.False(Assert.Single(_abandoned).CanBeCanceled);
        var line = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Same(failure, line.Exception);
        Assert.Equal("Storing /photos/two-phase entry 3 failed; abandoning it", line.Message);
        Assert.Equal(["Storing {Path} entry {EntryId} failed; abandoning it"], Templates());
    }

    [Fact]
    public async Task A_variant_that_cannot_be_marked_ready_is_abandoned_in_the_words_of_variants()
    {
        await Assert.ThrowsAsync<IOException>(() => StoreAsync(Upload(isVariant: true), () => throw new IOException("gone")));

        Assert.Single(_abandoned);
        Assert.Equal(["Storing a variant of {Path} entry {EntryId} failed; abandoning it"], Templates());
    }

    [Fact]
    public async Task When_abandoning_fails_too_both_are_logged_and_the_first_failure_is_rethrown()
    {
        var failure = new IOException("marking failed");
        var abandoning = new IOException("abandoning failed");

        var thrown = await Assert.ThrowsAsync<IOException>(() =>
            StoreAsync(Upload(), () => throw failure, _ => throw abandoning));

        Assert.Same(failure, thrown);
        Assert.Equal(["Storing {Path} entry {EntryId} failed; abandoning it",
            "Abandoning {Path} entry {EntryId} failed; the pending-upload sweeper will remove it"], Templates());
        Assert.Same(abandoning, _logger.Entries.Last().Exception);
    }

    [Fact]
    public async Task A_variant_whose_abandoning_fails_says_so_in_the_words_of_variants()
    {
        await Assert.ThrowsAsync<IOException>(() =>
            StoreAsync(Upload(isVariant: true), () => throw new IOException("marking failed"), _ => throw new IOException("abandoning failed")));

        Assert.Equal("Abandoning a variant of {Path} entry {EntryId} failed; the pending-upload sweeper will remove it", Templates()[1]);
    }

    [Fact]
    public async Task A_cancelled_upload_is_abandoned_with_a_token_that_cannot_be_cancelled()
    {
        _objectStore.PutGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var storing = StoreAsync(Upload(), () => Task.FromResult("ready"), cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => storing);
        Assert.False(Assert.Single(_abandoned).CanBeCanceled);
    }
}
