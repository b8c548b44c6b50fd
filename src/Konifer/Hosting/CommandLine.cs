using System.Reflection;
using Konifer.Configuration;
using Konifer.Http.Auth;

namespace Konifer.Hosting;

/// <summary>
/// The flags that answer and exit instead of serving: <c>--help</c>, <c>--version</c>, <c>--check-config</c> and
/// <c>--hash-api-key</c>.
/// None of them starts Kestrel or touches a store; every other argument is the framework's (<c>--urls</c>, …).
/// </summary>
public static class CommandLine
{
    public const string CheckConfig = "--check-config";
    public const string HashApiKey = "--hash-api-key";

    /// <summary>The exit code when a flag was handled, null to start the server.</summary>
    /// <exception cref="ConfigurationException">With <c>--check-config</c>, the configuration is wrong.</exception>
    public static int? Run(string[] args, TextWriter output, KoniferHostOptions? hostOptions = null, TextWriter? errors = null)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            output.Write(Usage);
            return 0;
        }
        if (args.Contains("--version"))
        {
            output.WriteLine($"konifer {Version}");
            return 0;
        }
        if (Array.IndexOf(args, HashApiKey) is var hash and >= 0)
            return HashKey(hash + 1 < args.Length && !args[hash + 1].StartsWith("--", StringComparison.Ordinal) ? args[hash + 1] : null,
                output, errors ?? Console.Error);
        if (!args.Contains(CheckConfig)) return null;
        hostOptions ??= new KoniferHostOptions();
        var file = ConfigurationFile.Find(hostOptions);
        var configuration = file.Read(hostOptions, hostOptions.Environment("AllowedHosts") ?? hostOptions.Environment("ASPNETCORE_ALLOWEDHOSTS"), args);
        output.WriteLine("# Configuration: " + ConfigFileLocator.Describe(file.Path, hostOptions.CurrentDirectory));
        foreach (var warning in configuration.Warnings) output.WriteLine("# warning: " + warning);
        foreach (var line in EffectiveConfiguration.Lines(configuration)) output.WriteLine(line);
        output.WriteLine("# The configuration is valid.");
        return 0;
    }

    /// <summary>
    /// <c>--hash-api-key</c>: without a key, makes a new one and prints it once with its hash; with one, prints its
    /// hash. The hash line is what an <c>auth.api-keys</c> entry takes; the key itself is never stored.
    /// </summary>
    private static int HashKey(string? given, TextWriter output, TextWriter errors)
    {
        if (given is not null && ApiKeys.Problem(given) is { } problem)
        {
            errors.WriteLine($"konifer: {HashApiKey}: {problem}.");
            return 2;
        }
        var key = given ?? ApiKeys.Generate();
        if (given is null)
        {
            output.WriteLine("# A new API key, shown only this once: give it to the client, which sends it as 'Authorization: Bearer <key>'.");
            output.WriteLine(key);
            output.WriteLine("# Its hash, for an entry of auth.api-keys in konifer.conf (the key itself is not stored):");
        }
        output.WriteLine($"hash = \"{ApiKeys.FormatHash(ApiKeys.Hash(key))}\"");
        return 0;
    }

    /// <summary>The assembly's informational version (the package version, with the commit when the build records it).</summary>
    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CommandLine).Assembly.GetName().Version?.ToString() ?? "unknown";

    private const string Usage = """
        Usage: konifer [options]

        Serves images over HTTP as configured by konifer.conf.

        Options:
          --check-config      Read and validate the configuration, print every effective setting (secrets as ***), exit.
                              Exit code 0 when valid; 78 and one line naming the key when not.
          --hash-api-key [key]
                              Without a key: generate a new API key, print it once and the hash = "sha256:…" line
                              for auth.api-keys. With a key: print that key's hash line. Exit 2 for a key that is
                              too short (under 16 characters) or holds spaces.
          --role <role>       all (default): serve the API and run generation jobs; api: serve the API, queue jobs,
                              run none; worker: run jobs and the sweepers, serve only /health/* and the metrics.
                              Overrides instance.role; api and worker need the PostgreSQL metadata store.
          --urls <urls>       Where to listen, e.g. http://0.0.0.0:8080 (semicolon-separated). Default
                              http://0.0.0.0:8080; scripts/run defaults to http://127.0.0.1:8080.
          --version           Print the version and exit.
          -h, --help          Print this help and exit.
          Other --Key=value arguments set ASP.NET Core configuration (e.g. --Logging:LogLevel:Default=Debug).

        Configuration file (the first that exists):
          $KONIFER_CONFIG     relative to the current directory; an error if it does not exist
          ./konifer.conf
          /app/config/konifer.conf
          none: built-in defaults (PostgreSQL on localhost, filesystem objects)

        Environment:
          KONIFER_CONFIG                 the configuration file
          IN_MEMORY=true                 both stores in memory (data lost on exit)
          PG_USER, PG_PASSWORD           data-store.postgresql.user / .password
          S3_SECRET_KEY                  object-store.s3.secret-key
          URL_SIGNING_SECRET_KEY         url-signing.secret-key
          ASPNETCORE_URLS                where to listen (as --urls)
          ASPNETCORE_HTTP_PORTS          ports to listen on all interfaces (as http://*:port)
          ASPNETCORE_HTTPS_PORTS
          Any other variable through ${?VAR} substitution in konifer.conf.

        Listening precedence (highest first): Kestrel:Endpoints in konifer.conf, --urls, ASPNETCORE_URLS,
        ASPNETCORE_HTTP(S)_PORTS, the default.

        Exit codes: 0 stopped or answered; 2 wrong use of a flag; 78 configuration or dependency error (one line on stderr).
        Docs: README.md, docs/configuration.md.

        """;
}
