namespace Konifer.Core.Images;

/// <summary>
/// Bytes at fixed offsets that every file of a format carries (its magic number): a header matches when it holds every
/// part. Several parts describe containers whose own tag is not at the start, such as WebP's <c>RIFF…WEBP</c>.
/// </summary>
public sealed class FileSignature
{
    private readonly (int Offset, byte[] Bytes)[] _parts;

    private FileSignature((int Offset, byte[] Bytes)[] parts) => _parts = parts;

    /// <summary>How many bytes of the file the signature reads.</summary>
    public int Length => _parts.Max(part => part.Offset + part.Bytes.Length);

    public static FileSignature At(int offset, ReadOnlySpan<byte> bytes) => new([(offset, bytes.ToArray())]);

    /// <summary>This signature with one more part, which must match too.</summary>
    public FileSignature And(int offset, ReadOnlySpan<byte> bytes) => new([.. _parts, (offset, bytes.ToArray())]);

    public bool Matches(ReadOnlySpan<byte> header)
    {
        foreach (var (offset, bytes) in _parts)
            if (header.Length < offset + bytes.Length || !header.Slice(offset, bytes.Length).SequenceEqual(bytes))
                return false;
        return true;
    }
}
