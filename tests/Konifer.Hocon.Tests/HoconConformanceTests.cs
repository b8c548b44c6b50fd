using System.Text.Json.Nodes;

namespace Konifer.Hocon.Tests;

/// <summary>
/// Runs the HOCON reference implementation's equivalence cases from shared/hocon-conformance (beside the
/// repository, or beside the worktree folder) when it exists: every .conf/.json in a case folder must parse
/// to original.json there. Without the folder the test passes; the self-written tests cover the features.
/// </summary>
public class HoconConformanceTests
{
    [Fact]
    public void Every_conformance_file_parses_to_its_original_json()
    {
        var folder = FindConformanceFolder();
        if (folder is null) return; // Not available on this clone; the self-written tests cover the features.

        var environment = new HoconParseSettings { Environment = _ => null };
        var failures = new List<string>();
        var checkedFiles = 0;
        foreach (var caseFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var originalPath = Path.Combine(caseFolder, "original.json");
            if (!File.Exists(originalPath)) continue;
            var expected = JsonNode.Parse(File.ReadAllText(originalPath));
            var files = Directory.GetFiles(caseFolder)
                .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                checkedFiles++;
                var name = Path.GetRelativePath(folder, file);
                try
                {
                    var actual = HoconParser.ParseFile(file, environment);
                    var difference = JsonTree.Difference(expected, actual);
                    if (difference is not null) failures.Add($"{name}: {difference}");
                }
                catch (HoconException e)
                {
                    failures.Add($"{name}: {e.Message}");
                }
            }
        }

        Assert.True(checkedFiles > 0, $"no conformance files found in {folder}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string? FindConformanceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Konifer.slnx")))
            {
                // ../shared next to a main checkout, ../../shared from a worktree under wt/.
                return new[] { "..", Path.Combine("..", "..") }
                    .Select(up => Path.GetFullPath(Path.Combine(directory.FullName, up, "shared", "hocon-conformance")))
                    .FirstOrDefault(Directory.Exists);
            }
        }
        return null;
    }
}
