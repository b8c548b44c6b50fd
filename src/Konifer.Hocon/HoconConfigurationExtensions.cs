using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Konifer.Hocon;

public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file; a relative path is resolved against the builder's base path.</summary>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add(new HoconConfigurationSource { Path = path, Optional = optional });
    }

    /// <summary>Adds an already parsed HOCON document (see <see cref="HoconParser"/>).</summary>
    public static IConfigurationBuilder AddHoconDocument(this IConfigurationBuilder builder, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(document);
        return builder.Add(new HoconConfigurationSource { Document = document });
    }
}
