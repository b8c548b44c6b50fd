using System.Text.Json.Nodes;
using Konifer.Configuration;

namespace Konifer.Hosting;

/// <summary>
/// <c>--role &lt;all|api|worker&gt;</c> (or <c>--role=…</c>): the same image started as an API or a worker without a
/// second konifer.conf. It beats <c>instance.role</c> in the file and is then read and checked as that key is.
/// </summary>
public static class RoleSwitch
{
    private static readonly string[] Roles = ["all", "api", "worker"];

    /// <summary>The role the arguments ask for, or null when they do not.</summary>
    /// <exception cref="ConfigurationException">The switch has no value or an unknown one.</exception>
    public static string? Find(IReadOnlyList<string> args)
    {
        string? role = null;
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument == InstanceSettings.RoleSwitch)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith('-'))
                    throw new ConfigurationException(InstanceSettings.RoleSwitch, "needs a value: all, api or worker");
                role = args[++i];
            }
            else if (argument.StartsWith(InstanceSettings.RoleSwitch + "=", StringComparison.Ordinal))
            {
                role = argument[(InstanceSettings.RoleSwitch.Length + 1)..];
            }
        }
        if (role is null) return null;
        return Roles.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ConfigurationException(InstanceSettings.RoleSwitch, $"'{role}' is not one of all, api, worker");
    }

    /// <summary>A copy of <paramref name="document"/> with <c>instance.role</c> set from the switch, or the document itself without one.</summary>
    public static JsonObject Apply(JsonObject document, IReadOnlyList<string> args)
    {
        if (Find(args) is not { } role) return document;
        var copy = (JsonObject)document.DeepClone();
        if (copy["instance"] is not JsonObject instance)
        {
            instance = new JsonObject();
            copy["instance"] = instance;
        }
        instance["role"] = role;
        return copy;
    }
}
