using System.Globalization;
using System.Reflection;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>One schema step: an embedded <c>Migrations/NNNN_name.sql</c> file; the number is its version.</summary>
internal sealed record PostgresMigration(int Version, string Name, string Sql)
{
    private const string Prefix = "Konifer.Storage.Metadata.Postgres.Migrations.";

    /// <summary>Every embedded migration, by version.</summary>
    public static IReadOnlyList<PostgresMigration> All { get; } = Load();

    private static PostgresMigration[] Load()
    {
        var assembly = typeof(PostgresMigration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(m => m.Version)
            .ToArray();
    }

    private static PostgresMigration Read(Assembly assembly, string resource)
    {
        var name = resource[Prefix.Length..^".sql".Length];
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw new InvalidOperationException($"The migration '{resource}' is not named NNNN_description.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new PostgresMigration(version, name, reader.ReadToEnd());
    }
}
