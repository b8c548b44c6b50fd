using Konifer.Core.Images;

namespace Konifer.Core.Storage;

/// <summary>Where a variant's bytes live in the object store. Keys are generated, never taken from user input.</summary>
public sealed record ObjectLocation(string Bucket, string Key)
{
    public static ObjectLocation NewFor(string bucket, ImageFormat format) =>
        new(bucket, Guid.NewGuid().ToString("D") + format.Extension());
}
