namespace Konifer.Storage.Leftovers;

/// <summary>What one sweep removed: files (a folder counts its files) and their bytes.</summary>
public readonly record struct LeftoverCount(int Files, long Bytes)
{
    public static LeftoverCount operator +(LeftoverCount a, LeftoverCount b) => new(a.Files + b.Files, a.Bytes + b.Bytes);

    /// <summary>Deletes one file and counts it; a file already gone or still in use is skipped.</summary>
    public static LeftoverCount DeleteFile(FileInfo file)
    {
        try
        {
            var length = file.Length;
            file.Delete();
            return new LeftoverCount(1, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }
}
