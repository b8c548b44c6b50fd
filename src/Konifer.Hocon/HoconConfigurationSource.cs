using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Konifer.Hocon;

/// <summary>A HOCON file or an already parsed HOCON document as a configuration source.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>The HOCON file; relative paths are resolved against the builder's base path (<c>SetBasePath</c>).</summary>
    public string? Path { get; set; }

    /// <summary>Whether a missing file is ignored instead of failing.</summary>
    public bool Optional { get; set; }

    /// <summary>A pre-parsed document; when set it is used and <see cref="Path"/> is ignored.</summary>
    public JsonObject? Document { get; set; }

    /// <summary>Settings for parsing <see cref="Path"/> (environment lookup, include directory).</summary>
    public HoconParseSettings? Settings { get; set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new HoconConfigurationProvider(this, ResolvePath(builder));
    }

    private string? ResolvePath(IConfigurationBuilder builder)
    {
        if (Document is not null || Path is null || System.IO.Path.IsPathRooted(Path)) return Path;
        return builder.GetFileProvider() is PhysicalFileProvider physical
            ? System.IO.Path.Combine(physical.Root, Path)
            : Path;
    }
}
