using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Configuration;

/// <summary>
/// What <c>--check-config</c> prints: every setting the server will run with, defaults included, one per line as
/// <c>name = value</c>, secrets as <c>***</c>. The names are those of the typed settings (kebab-cased), close to but
/// not always the key of konifer.conf; the path rules are shown as each pattern resolves with what it inherits.
/// </summary>
public static class EffectiveConfiguration
{
    /// <summary>Property names whose values are never printed.</summary>
    private static readonly string[] SecretNames = ["Password", "SecretKey"];

    public static IReadOnlyList<string> Lines(KoniferConfiguration configuration)
    {
        var lines = new List<string>();
        Flatten(configuration.Settings, "", lines, depth: 0);
        foreach (var name in configuration.Profiles.Names.Order(StringComparer.Ordinal))
            if (configuration.Profiles.TryGet(name, out var parameters))
                lines.Add($"variant-profiles.{name} = {Value(parameters)}");
        foreach (var pattern in configuration.Paths.Patterns)
        {
            var segments = pattern.Segments.Where(s => s != PathPattern.AnySegments).Select(s => s == PathPattern.AnySegment ? "x" : s);
            if (!AssetPath.TryParse("/" + string.Join('/', segments), out var path, out _)) continue;
            Flatten(configuration.Paths.Resolve(path), $"paths.\"{pattern}\"", lines, depth: 0);
        }
        return lines;
    }

    private static void Flatten(object? value, string prefix, List<string> lines, int depth)
    {
        if (depth < 8 && value is not null && IsSettingsObject(value.GetType()))
        {
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
                var name = prefix.Length == 0 ? Kebab(property.Name) : $"{prefix}.{Kebab(property.Name)}";
                var child = property.GetValue(value);
                if (SecretNames.Any(s => property.Name.EndsWith(s, StringComparison.Ordinal)))
                    lines.Add($"{name} = {Secret.Mask(child?.ToString())}");
                else
                    Flatten(child, name, lines, depth + 1);
            }
            return;
        }
        lines.Add($"{prefix} = {Value(value)}");
    }

    /// <summary>Our own records and classes are walked into; everything else is a value.</summary>
    private static bool IsSettingsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(Uri)
        && type.Namespace?.StartsWith("Konifer", StringComparison.Ordinal) == true
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.Name != "EqualityContract");

    private static string Value(object? value) => value switch
    {
        null => "(not set)",
        string text => text.Length == 0 ? "\"\"" : text,
        bool b => b ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IDictionary dictionary => "{ " + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => $"{k} = {Value(dictionary[k])}")) + " }",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Kebab(string name)
    {
        if (name == "PostgreSql") return "postgresql"; // as konifer.conf spells it

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
