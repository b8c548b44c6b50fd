using System.IO.Compression;
using System.Xml.Linq;
using Konifer.Tests.TestSupport;

namespace Konifer.Client.Tests;

/// <summary>The client packages pack (from the build the tests run on) and name what they depend on.</summary>
public sealed class PackagesTests
{
    [Fact]
    public async Task The_client_packages_pack_with_their_dependencies_and_readmes()
    {
        var output = Path.Combine(Path.GetTempPath(), "konifer-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var expected = new Dictionary<string, string[]>
            {
                ["Konifer.UrlSigning"] = [],
                ["Konifer.Client"] = ["Konifer.UrlSigning", "Konifer.Lqip", "Microsoft.Extensions.Http.Resilience"],
                ["Konifer.Client.AspNetCore"] = ["Konifer.Client"],
            };
            foreach (var (project, dependencies) in expected)
            {
                var (exit, stdout, stderr) = await RepositoryScripts.RunProgramAsync("dotnet",
                    ["pack", Path.Combine(RepositoryScripts.Root, "src", project, project + ".csproj"), "-c", "Release", "--no-build", "-o", output, "--nologo"],
                    TimeSpan.FromMinutes(3));
                Assert.True(exit == 0, $"dotnet pack {project}: {stdout}\n{stderr}");

                using var package = ZipFile.OpenRead(Assert.Single(Directory.GetFiles(output, project + ".*.nupkg"), f => Path.GetFileName(f).StartsWith(project + ".1", StringComparison.Ordinal)));
                Assert.Contains(package.Entries, e => e.FullName == $"lib/net10.0/{project}.dll");
                var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
                var named = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToHashSet();
                Assert.All(dependencies, d => Assert.Contains(d, named));
                Assert.Equal("Apache-2.0", nuspec.Descendants().Single(e => e.Name.LocalName == "license").Value);
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
