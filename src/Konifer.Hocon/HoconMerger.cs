namespace Konifer.Hocon;

/// <summary>Applies a field definition to an object: deep merge of objects, replacement of everything else.</summary>
internal static class HoconMerger
{
    /// <param name="target">The object receiving the field.</param>
    /// <param name="key">The field name.</param>
    /// <param name="value">The new value.</param>
    /// <param name="path">The absolute path of the field, used to recognise self-referential substitutions.</param>
    public static void SetField(HoconObject target, string key, HoconValue value, HoconPath path)
    {
        if (!target.Fields.TryGetValue(key, out var previous))
        {
            target.Fields[key] = value;
            return;
        }

        if (previous is HoconObject previousObject && value is HoconObject newObject)
        {
            foreach (var (childKey, childValue) in newObject.Fields)
            {
                SetField(previousObject, childKey, childValue, path.Append(childKey));
            }
            return;
        }

        var replaced = ReplaceSelfReferences(value, path, previous);
        target.Fields[key] = NeedsPrevious(replaced, previous) ? new HoconOverride(previous, replaced) : replaced;
    }

    /// <summary>Whether the earlier value can still matter once the new one is resolved.</summary>
    private static bool NeedsPrevious(HoconValue value, HoconValue previous) => value switch
    {
        HoconScalar or HoconArray => false,
        HoconObject => previous is not (HoconScalar or HoconArray),
        _ => true,
    };

    private static HoconValue ReplaceSelfReferences(HoconValue value, HoconPath path, HoconValue previous) => value switch
    {
        HoconSubstitution s when s.Path.StartsWith(path) => new HoconPreviousValue(s, previous, s.Path.Skip(path.Count)),
        HoconConcatenation c => new HoconConcatenation(c.Position, c.Parts.Select(p => ReplaceSelfReferences(p, path, previous)).ToArray()),
        HoconArray a => new HoconArray(a.Position, a.Elements.Select(e => ReplaceSelfReferences(e, path, previous)).ToArray()),
        HoconOverride o => new HoconOverride(o.Previous, ReplaceSelfReferences(o.Value, path, previous)),
        _ => value,
    };
}
