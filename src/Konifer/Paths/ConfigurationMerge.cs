using System.Text.Json.Nodes;

namespace Konifer.Paths;

/// <summary>
/// Deep merge of configuration trees: objects merge key by key; lists and scalars replace (an empty list clears).
/// A null value means "not configured here" and leaves the inherited value in place.
/// </summary>
internal static class ConfigurationMerge
{
    /// <summary>Merges <paramref name="overlay"/> into <paramref name="target"/> (which it changes).</summary>
    public static void Into(JsonObject target, JsonObject overlay)
    {
        foreach (var (name, value) in overlay)
        {
            if (value is null) continue;
            if (value is JsonObject overlayObject && target[name] is JsonObject targetObject)
                Into(targetObject, overlayObject);
            else
                target[name] = value.DeepClone();
        }
    }
}
