namespace Konifer.Storage.Objects;

/// <summary>An open object: its content stream and length. Disposing closes the stream.</summary>
public sealed class StoredObject(Stream content, long length) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;
    public long Length { get; } = length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
    public void Dispose() => Content.Dispose();
}
