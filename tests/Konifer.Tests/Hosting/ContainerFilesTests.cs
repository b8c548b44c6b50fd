using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Core.Assets;
using Konifer.Hocon;
using Konifer.Hosting;
using Konifer.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Konifer.Tests.Hosting;

/// <summary>
/// The container files checked without a container runtime: the compose configuration is accepted as the server
/// would read it in the container, the compose service and the image agree, the image runs the assembly and the
/// health probe these tests run, it installs the runtime packages of scripts/install-deps for the Debian release
/// the tests run on, and the notices name every package the server ships.
/// </summary>
public sealed partial class ContainerFilesTests
{
    /// <summary>What an operator puts in .env before <c>docker compose up</c>.</summary>
    private static readonly Dictionary<string, string> OperatorEnvironment = new()
    {
        ["PG_PASSWORD"] = "pg-secret-from-env",
        ["S3_SECRET_KEY"] = "s3-secret-from-env",
    };

    private static readonly string Root = RepositoryRoot();
    private static readonly Dockerfile Image = Dockerfile.Read(Path.Combine(Root, "Dockerfile"));
    private static readonly YamlMappingNode Compose = ReadCompose();

    [Fact]
    public void The_compose_configuration_is_accepted_and_points_at_the_compose_services()
    {
        var konifer = Service("konifer");
        var environment = Environment(konifer);
        var configFile = MountedFile(konifer, ConfigFileLocator.ContainerPath);

        // Inside the container: no KONIFER_CONFIG, no ./konifer.conf in /app, so the mounted file is the one read.
        var located = ConfigFileLocator.Locate(Lookup(environment), Directory.CreateTempSubdirectory("konifer-app-").FullName, configFile);
        Assert.Equal(configFile, located);
        var document = HoconParser.ParseFile(configFile, new HoconParseSettings { Environment = Lookup(environment), BaseDirectory = Path.GetDirectoryName(configFile) });
        var configuration = KoniferConfigurationReader.Read(EnvironmentOverrides.Apply(document, Lookup(environment)));
        Assert.Empty(configuration.Warnings);

        var postgres = configuration.Settings.DataStore;
        var postgresEnvironment = Environment(Service("postgres"));
        Assert.Equal(DataStoreProvider.PostgreSql, postgres.Provider);
        Assert.Equal("postgres", postgres.PostgreSql.Host);
        Assert.Equal(postgresEnvironment["POSTGRES_DB"], postgres.PostgreSql.Database);
        Assert.Equal(postgresEnvironment["POSTGRES_USER"], postgres.PostgreSql.User);
        Assert.Equal(OperatorEnvironment["PG_PASSWORD"], postgres.PostgreSql.Password);
        Assert.Equal(OperatorEnvironment["PG_PASSWORD"], postgresEnvironment["POSTGRES_PASSWORD"]);

        var s3 = configuration.Settings.ObjectStore;
        var minioEnvironment = Environment(Service("minio"));
        Assert.Equal(ObjectStoreProvider.S3, s3.Provider);
        Assert.Equal(new Uri("http://minio:9000"), new Uri(s3.S3.EndpointUrl!));
        Assert.True(s3.S3.ForcePathStyle);
        Assert.Equal(minioEnvironment["MINIO_ROOT_USER"], s3.S3.AccessKey);
        Assert.Equal(OperatorEnvironment["S3_SECRET_KEY"], s3.S3.SecretKey);
        Assert.Equal(OperatorEnvironment["S3_SECRET_KEY"], minioEnvironment["MINIO_ROOT_PASSWORD"]);

        // The one-shot container makes the bucket every path stores in.
        var createBucket = string.Join(' ', Sequence(Service("create-bucket"), "entrypoint"));
        var bucket = BucketCreated().Match(createBucket);
        Assert.True(bucket.Success, $"create-bucket makes no bucket: {createBucket}");
        Assert.Equal(bucket.Groups[1].Value, configuration.Paths.Resolve(AssetPath.Parse("/users/123/avatar")).Bucket);
        Assert.Contains(minioEnvironment["MINIO_ROOT_USER"], createBucket, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compose_service_matches_the_image()
    {
        var konifer = Service("konifer");
        var port = Image.ExposedPort;
        Assert.Equal($"http://0.0.0.0:{port}", Image.Environment["ASPNETCORE_URLS"]);
        Assert.Contains($"{port}:{port}", Sequence(konifer, "ports"));
        Assert.Equal(".", Scalar(konifer, "build"));
        Assert.True(File.Exists(Path.Combine(Root, "Dockerfile")));

        Assert.EndsWith(":ro", Volumes(konifer).Single(v => v.Target == ConfigFileLocator.ContainerPath).Options, StringComparison.Ordinal);
        Assert.Contains(Volumes(konifer), v => v.Target == Image.Environment["TMPDIR"]);
        Assert.Contains(Image.Environment["TMPDIR"], Image.Volumes);
        Assert.Equal("app", Image.Last("USER"));

        // Every dependency is waited for by its health (or its successful end), and each healthy one has a check.
        var dependsOn = (YamlMappingNode)konifer.Children[new YamlScalarNode("depends_on")];
        Assert.Equal(["create-bucket", "minio", "postgres"], dependsOn.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        foreach (var (name, dependency) in dependsOn.Children)
        {
            var condition = Scalar((YamlMappingNode)dependency, "condition");
            Assert.Contains(condition, new[] { "service_healthy", "service_completed_successfully" });
            if (condition == "service_healthy") Assert.True(Service(name.ToString()).Children.ContainsKey(new YamlScalarNode("healthcheck")), $"{name} has no healthcheck");
        }
        // The init script that creates ltree is mounted where the postgres image runs it.
        var init = MountedFile(Service("postgres"), "/docker-entrypoint-initdb.d");
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS ltree", string.Concat(Directory.GetFiles(init, "*.sql").Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_runs_the_assembly_the_tests_run()
    {
        var entrypoint = JsonSerializer.Deserialize<string[]>(Image.Last("ENTRYPOINT"))!;
        var assembly = typeof(KoniferApp).Assembly.GetName().Name + ".dll";
        Assert.Equal(["dotnet", assembly], entrypoint);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, entrypoint[1])), "ServerProcess runs this file");
        Assert.Equal("/app", Image.Last("WORKDIR"));
        Assert.Contains("COPY --from=build /app .", Image.Instructions.Select(i => $"{i.Keyword} {i.Arguments}"));

        // The published project is the one whose output the tests load.
        var publish = PublishedProject().Match(Image.All("RUN").Single(r => r.Contains("dotnet publish", StringComparison.Ordinal)));
        Assert.True(publish.Success);
        Assert.Equal(Path.GetFileNameWithoutExtension(assembly), Path.GetFileNameWithoutExtension(publish.Groups[1].Value));
        Assert.Null(XDocument.Load(Path.Combine(Root, publish.Groups[1].Value)).Descendants("AssemblyName").FirstOrDefault());
    }

    [Fact]
    public async Task The_image_health_check_passes_against_a_running_server_and_fails_without_one()
    {
        var command = HealthCheckCommand();
        var probe = command[^1];
        Assert.Contains($"/dev/tcp/127.0.0.1/{Image.ExposedPort} ", probe, StringComparison.Ordinal);
        Assert.Contains("GET /health/live ", probe, StringComparison.Ordinal);

        await using var server = await KoniferTestServer.StartAsync();
        Assert.Equal(0, await RunAsync(command[0], [.. command[1..^1], probe.Replace($"/{Image.ExposedPort} ", $"/{server.BaseAddress.Port} ", StringComparison.Ordinal)]));

        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var unusedPort = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        Assert.NotEqual(0, await RunAsync(command[0], [.. command[1..^1], probe.Replace($"/{Image.ExposedPort} ", $"/{unusedPort} ", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task The_image_installs_the_runtime_packages_of_install_deps_from_the_Debian_release_the_tests_run_on()
    {
        var runtimeBase = Image.Instructions.Last(i => i.Keyword == "FROM").Arguments;
        var codename = File.ReadLines("/etc/os-release").Single(l => l.StartsWith("VERSION_CODENAME=", StringComparison.Ordinal))["VERSION_CODENAME=".Length..];
        Assert.StartsWith($"debian:{codename}-slim ", runtimeBase, StringComparison.Ordinal);

        var installed = Image.AptPackages;
        // The server's part of install-deps: libvips; its -tools package is the vips command line, not loaded by the server.
        var script = File.ReadAllText(Path.Combine(Root, "scripts", "install-deps"));
        var vipsBlock = VipsBlock().Match(script);
        Assert.True(vipsBlock.Success, "scripts/install-deps has no want_vips block");
        var runtime = InstalledByScript().Matches(vipsBlock.Value).Select(m => m.Groups[1].Value).Where(p => !p.EndsWith("-tools", StringComparison.Ordinal)).ToList();
        Assert.Contains("libvips42", runtime);
        Assert.All(runtime, package => Assert.Contains(package, installed));

        // Every package name exists in this Debian release (a typo would only show in docker build otherwise).
        foreach (var package in installed)
            Assert.True(await RunAsync("dpkg-query", ["-W", package]) == 0 || await RunAsync("apt-cache", ["show", "--no-all-versions", package]) == 0,
                $"{package} is not a package of Debian {codename}");
    }

    [Fact]
    public void Every_package_the_server_references_or_ships_is_in_the_notices()
    {
        var notices = File.ReadAllText(Path.Combine(Root, "THIRD-PARTY-NOTICES.md"));
        var referenced = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(p => XDocument.Load(p).Descendants("PackageReference")).Select(r => (string)r.Attribute("Include")!);
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "Konifer", "obj", "project.assets.json")));
        var resolved = assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package").Select(l => l.Name.Split('/')[0]);
        var packages = referenced.Concat(resolved).Distinct().ToList();
        Assert.Contains("NetVips", packages);
        Assert.All(packages, package => Assert.Contains($"| `{package}` |", notices, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_packable_project_carries_the_licence_of_LICENSE()
    {
        Assert.StartsWith("Apache License", File.ReadAllText(Path.Combine(Root, "LICENSE")).Trim(), StringComparison.Ordinal);
        foreach (var project in new[] { "src/Konifer.Hocon/Konifer.Hocon.csproj", "src/Konifer.Lqip/Konifer.Lqip.csproj", "src/Konifer.Client/Konifer.Client.csproj", "src/Konifer.Client.AspNetCore/Konifer.Client.AspNetCore.csproj", "src/Konifer.UrlSigning/Konifer.UrlSigning.csproj" })
        {
            var (exitCode, output) = await CaptureAsync("dotnet", ["msbuild", Path.Combine(Root, project), "-getProperty:PackageLicenseExpression", "-getProperty:Authors", "-getProperty:Copyright", "-getProperty:IsPackable"]);
            Assert.Equal(0, exitCode);
            using var properties = JsonDocument.Parse(output);
            var values = properties.RootElement.GetProperty("Properties");
            Assert.Equal("true", values.GetProperty("IsPackable").GetString());
            Assert.Equal("Apache-2.0", values.GetProperty("PackageLicenseExpression").GetString());
            Assert.False(string.IsNullOrWhiteSpace(values.GetProperty("Authors").GetString()));
            Assert.Contains("Copyright", values.GetProperty("Copyright").GetString(), StringComparison.Ordinal);
        }
    }

    private string[] HealthCheckCommand()
    {
        var healthCheck = Image.Last("HEALTHCHECK");
        var index = healthCheck.IndexOf("CMD [", StringComparison.Ordinal);
        Assert.True(index >= 0, $"HEALTHCHECK is not in exec form: {healthCheck}");
        return JsonSerializer.Deserialize<string[]>(healthCheck[(index + 4)..])!;
    }

    private static YamlMappingNode ReadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "compose.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)Compose.Children[new YamlScalarNode("services")]).Children[new YamlScalarNode(name)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => Interpolate(((YamlScalarNode)c).Value!))];

    /// <summary>A service's environment as compose hands it to the container, with the operator's .env substituted.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service.Children[new YamlScalarNode("environment")]).Children
            .ToDictionary(e => e.Key.ToString(), e => Interpolate(((YamlScalarNode)e.Value).Value!));

    private static List<(string Source, string Target, string Options)> Volumes(YamlMappingNode service) =>
        [.. Sequence(service, "volumes").Select(v => v.Split(':')).Select(p => (p[0], p[1], p.Length > 2 ? ":" + p[2] : ""))];

    /// <summary>The file or folder of the repository that compose mounts at <paramref name="target"/>.</summary>
    private static string MountedFile(YamlMappingNode service, string target)
    {
        var source = Volumes(service).Single(v => v.Target == target).Source;
        Assert.StartsWith("./", source, StringComparison.Ordinal);
        return Path.GetFullPath(source, Root);
    }

    /// <summary>Compose's interpolation: <c>${VAR}</c>, <c>${VAR:?message}</c>, <c>${VAR:-default}</c> and <c>$$</c>.</summary>
    private static string Interpolate(string value) =>
        Variable().Replace(value, m => m.Value == "$$" ? "$"
            : OperatorEnvironment.TryGetValue(m.Groups[1].Value, out var set) ? set
            : m.Groups[2].Value == ":-" ? m.Groups[3].Value
            : throw new InvalidOperationException($"compose.yaml needs {m.Groups[1].Value}, which the README does not ask the operator for"));

    private static Func<string, string?> Lookup(Dictionary<string, string> environment) => name => environment.GetValueOrDefault(name);

    private static async Task<int> RunAsync(string file, IEnumerable<string> arguments) => (await CaptureAsync(file, arguments)).ExitCode;

    private static async Task<(int ExitCode, string Output)> CaptureAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Konifer.slnx"))) return directory.FullName;
        throw new InvalidOperationException($"No Konifer.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\$\$|\$\{(\w+)(?:(:\?|:-|\?|-)([^}]*))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"mc mb (?:--ignore-existing )?local/([a-z0-9.-]+)")]
    private static partial Regex BucketCreated();

    [GeneratedRegex(@"dotnet publish (\S+\.csproj)")]
    private static partial Regex PublishedProject();

    [GeneratedRegex(@"if \[ -n ""\$want_vips"" \]; then\n(.*?)\nfi", RegexOptions.Singleline)]
    private static partial Regex VipsBlock();

    [GeneratedRegex(@"need\+=\((\S+)\)")]
    private static partial Regex InstalledByScript();

    /// <summary>The Dockerfile's instructions, continuation lines joined and comment lines dropped as docker does.</summary>
    private sealed class Dockerfile
    {
        public required IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; init; }

        public static Dockerfile Read(string path)
        {
            var instructions = new List<(string, string)>();
            var pending = "";
            foreach (var raw in File.ReadLines(path))
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0)) continue;
                pending += line.EndsWith('\\') ? line[..^1] + " " : line;
                if (line.EndsWith('\\')) continue;
                var space = pending.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add((pending[..space].ToUpperInvariant(), pending[(space + 1)..].Trim()));
                pending = "";
            }
            return new Dockerfile { Instructions = instructions };
        }

        public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

        public string Last(string keyword) => All(keyword).Last();

        public int ExposedPort => int.Parse(Last("EXPOSE"), System.Globalization.CultureInfo.InvariantCulture);

        public IReadOnlyList<string> Volumes => JsonSerializer.Deserialize<string[]>(Last("VOLUME"))!;

        public IReadOnlyDictionary<string, string> Environment =>
            All("ENV").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0], p => p[1]);

        /// <summary>The packages of the runtime stage's <c>apt-get install</c>.</summary>
        public IReadOnlyList<string> AptPackages
        {
            get
            {
                var words = All("RUN").Last(r => r.Contains("apt-get install", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return [.. words.SkipWhile(w => w != "install").Skip(1).TakeWhile(w => w != "&&").Where(w => !w.StartsWith('-'))];
            }
        }
    }
}
