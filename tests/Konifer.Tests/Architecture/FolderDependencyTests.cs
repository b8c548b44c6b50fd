using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Konifer.Hosting;

namespace Konifer.Tests.Architecture;

/// <summary>
/// Holds the line the compiler cannot: dependencies between the server's top-level folders point one way.
/// Read from the compiled assembly (signatures and method bodies), so a fully qualified name or a
/// lambda cannot slip past it the way it could past a grep of <c>using</c> lines.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Of(
        new ArchLoader().LoadAssemblies(typeof(KoniferApp).Assembly).Build()));

    // The domain: vocabulary and ports (Core), the rules of paths and transformations, and the use cases.
    private static readonly string[] Domain = ["Core", "Paths", "Transformations", "Variants", "Assets"];

    // Edges: adapters for libvips, the stores, outbound HTTP, the inbound API, the reader of konifer.conf, composition.
    private static readonly string[] Adapters = ["Imaging", "Storage", "Sources", "Http", "Configuration", "Observability", "Hosting"];

    // Infrastructure the domain must not name.
    private static readonly string[] Drivers = ["NetVips", "Npgsql", "Amazon", "Microsoft.AspNetCore", "Konifer.Hocon"];

    // The stores' drivers, which only their adapters (Storage) and composition (Hosting) may name.
    private static readonly string[] StoreDrivers = ["Npgsql", "Amazon"];

    [Fact]
    public void Core_depends_on_no_other_folder_of_the_server()
    {
        var offending = Graph.Value.Edges.Where(edge => edge.From == "Core" && edge.To != "Core").ToList();

        Assert.True(offending.Count == 0, FolderGraph.Describe("Core must depend on nothing else of ours", offending));
    }

    [Fact]
    public void Domain_folders_reference_no_adapter()
    {
        var offending = Graph.Value.Edges
            .Where(edge => Domain.Contains(edge.From) && Adapters.Contains(edge.To))
            .ToList();

        Assert.True(offending.Count == 0, FolderGraph.Describe("the domain references an adapter", offending));
    }

    [Fact]
    public void Domain_folders_name_no_driver()
    {
        var offending = Graph.Value.ExternalReferences
            .Where(reference => Domain.Contains(reference.From)
                && Drivers.Any(driver => reference.Namespace == driver || reference.Namespace.StartsWith(driver + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(offending.Count == 0, "the domain names a driver:\n" + string.Join("\n", offending.Take(40)));
    }

    [Fact]
    public void Http_names_no_store_driver()
    {
        // The stores' adapters turn their drivers' failures into domain exceptions; the API maps only those.
        var offending = Graph.Value.ExternalReferences
            .Where(reference => reference.From == "Http"
                && StoreDrivers.Any(driver => reference.Namespace == driver || reference.Namespace.StartsWith(driver + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(offending.Count == 0, "the HTTP adapter names a store driver:\n" + string.Join("\n", offending.Take(40)));
    }

    [Fact]
    public void Top_level_folders_form_no_cycle()
    {
        var cycle = Graph.Value.FindCycle();

        Assert.True(cycle is null, cycle is null ? "" : FolderGraph.Describe(
            "the folders depend on each other in a cycle " + string.Join(" → ", cycle.Select(edge => edge.From).Append(cycle[0].From)),
            cycle));
    }

    [Fact]
    public void The_graph_sees_the_folders_it_guards()
    {
        // A rule that reads nothing passes for nothing: make sure the loader saw the domain and the adapters.
        var folders = Graph.Value.Edges.SelectMany(edge => new[] { edge.From, edge.To }).ToHashSet();

        Assert.Superset(Domain.Concat(["Imaging", "Storage", "Http", "Hosting"]).ToHashSet(), folders);
    }

    private sealed record FolderEdge(string From, string To, string Example)
    {
        public override string ToString() => $"{From} → {To}: {Example}";
    }

    private sealed record ExternalReference(string From, string Namespace, string Example)
    {
        public override string ToString() => $"{From} → {Namespace}: {Example}";
    }

    private sealed class FolderGraph
    {
        private FolderGraph(List<FolderEdge> edges, List<ExternalReference> external)
        {
            Edges = edges;
            ExternalReferences = external;
        }

        public List<FolderEdge> Edges { get; }

        public List<ExternalReference> ExternalReferences { get; }

        public static FolderGraph Of(ArchUnitNET.Domain.Architecture architecture)
        {
            var edges = new Dictionary<(string, string), string>();
            var external = new Dictionary<(string, string), string>();
            foreach (var type in architecture.Types)
            {
                var from = Folder(type);
                if (from is null)
                {
                    continue;
                }

                foreach (var dependency in type.Dependencies)
                {
                    var target = dependency.Target;
                    var to = Folder(target);
                    var example = $"{type.FullName} uses {target.FullName}";
                    if (to is not null)
                    {
                        edges.TryAdd((from, to), example);
                    }
                    else if (!IsOurs(target))
                    {
                        external.TryAdd((from, target.Namespace?.FullName ?? ""), example);
                    }
                }
            }

            return new FolderGraph(
                edges.Select(pair => new FolderEdge(pair.Key.Item1, pair.Key.Item2, pair.Value)).ToList(),
                external.Select(pair => new ExternalReference(pair.Key.Item1, pair.Key.Item2, pair.Value)).ToList());
        }

        public List<FolderEdge>? FindCycle()
        {
            var next = Edges.Where(edge => edge.From != edge.To).GroupBy(edge => edge.From)
                .ToDictionary(group => group.Key, group => group.ToList());
            var done = new HashSet<string>();
            var path = new List<FolderEdge>();
            var onPath = new HashSet<string>();

            List<FolderEdge>? Visit(string folder)
            {
                if (onPath.Contains(folder))
                {
                    return path.SkipWhile(edge => edge.From != folder).ToList();
                }

                if (!done.Add(folder))
                {
                    return null;
                }

                onPath.Add(folder);
                foreach (var edge in next.GetValueOrDefault(folder) ?? [])
                {
                    path.Add(edge);
                    if (Visit(edge.To) is { } cycle)
                    {
                        return cycle;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                onPath.Remove(folder);
                return null;
            }

            return next.Keys.OrderBy(key => key, StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
        }

        public static string Describe(string problem, IEnumerable<FolderEdge> edges) =>
            problem + ":\n" + string.Join("\n", edges);

        private static bool IsOurs(IType type) =>
            type.Assembly?.Name is { } assembly && (assembly == "Konifer" || assembly.StartsWith("Konifer,", StringComparison.Ordinal));

        // The top-level folder of one of the server's types; null for types of other assemblies and for Program.
        private static string? Folder(IType type)
        {
            if (!IsOurs(type))
            {
                return null;
            }

            var name = type.Namespace?.FullName ?? "";
            if (!name.StartsWith("Konifer.", StringComparison.Ordinal))
            {
                return null;
            }

            var rest = name["Konifer.".Length..];
            var dot = rest.IndexOf('.');
            return dot < 0 ? rest : rest[..dot];
        }
    }
}
