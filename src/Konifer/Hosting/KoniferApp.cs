using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Hocon;
using Konifer.Http;
using Konifer.Http.Auth;
using Konifer.Http.OpenApi;
using Konifer.Http.Problems;
using Konifer.Http.Signing;
using Konifer.Imaging;
using Konifer.Observability;

namespace Konifer.Hosting;

/// <summary>Builds the web application: configuration, services and endpoints. Program.cs only runs it.</summary>
public static partial class KoniferApp
{
    public const string DefaultUrls = "http://0.0.0.0:8080";

    public static WebApplication Build(string[] args, KoniferHostOptions? hostOptions = null)
    {
        hostOptions ??= new KoniferHostOptions();
        RoleSwitch.Find(args); // a bad --role is a configuration error before the framework reads the arguments
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        var file = ConfigurationFile.Find(hostOptions);
        var configPath = file.Path;
        // Only for the framework's own sections (Logging, AllowedHosts, Kestrel); Konifer's keys are read once, below.
        builder.Configuration.AddHoconDocument(file.Document);
        // Request-by-request framework logs are noise in production; our own logs say what happened.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Npgsql logs every statement at Information (hundreds of lines a minute from the background sweeps alone).
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        // A store that fails start-up is one line on stderr (Program.cs), its stack at Debug in its own category; the
        // host's "Hosting failed to start" error would repeat it with 30 lines of stack. A background service that
        // stops the host is still logged (Critical, with its exception).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // The framework logs an error per failed check on every probe; Hosting/Health logs each change of state once.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);

        var configuration = file.Read(hostOptions, builder.Configuration["AllowedHosts"], args);
        var settings = configuration.Settings;
        if (ListenAddress(builder.Configuration, hostOptions) is { } urls)
            builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Our own limit (source.multipart.max-bytes) is checked while streaming; Kestrel's only stops abuse beyond it.
            kestrel.Limits.MaxRequestBodySize = settings.Source.MultipartMaxBytes + Http.Uploads.MultipartAssetReader.FramingAllowance;
            kestrel.AddServerHeader = false;
        });

        builder.Services.AddKonifer(configuration);
        builder.Services.AddKoniferHostFiltering(settings.Http);
        builder.Services.AddKoniferAuth(configuration.Auth);
        hostOptions.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => KoniferJson.Configure(json.SerializerOptions));

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Konifer");
        LogConfiguration(logger, ConfigFileLocator.Describe(configPath, hostOptions.CurrentDirectory));
        foreach (var warning in configuration.Warnings) LogConfigurationWarning(logger, warning);
        VipsMessages.WriteTo(app.Services.GetRequiredService<ILoggerFactory>());
        VipsStartupLog.Write(logger);
        if (EnvironmentOverrides.InMemoryRequested(hostOptions.Environment))
            LogInMemory(logger);
        HostFilteringSetup.WarnWhenUnrestricted(logger, settings.Http, app.Environment);
        StoresStartupLog.Write(logger, configuration);
        LogInstance(logger, app.Services.GetRequiredService<Variants.Claims.InstanceId>().Value);
        LogRole(logger, settings.Instance.Role.ToString().ToLowerInvariant());
        if (settings.Instance.ServesApi) OpenWritesWarning.WhenStarted(app, logger, configuration.Auth);

        // Outermost, so the line carries the status the client got (after the exception handler and status pages).
        app.UseMiddleware<RequestLog>();
        app.Use(BaselineHeaders.InvokeAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages(context =>
            context.HttpContext.Response.ContentLength is null && !context.HttpContext.Response.HasStarted
                ? ApiProblem.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, NoRouteMessage(context.HttpContext))
                : Task.CompletedTask);
        app.UseKoniferHostFiltering();
        // Signatures are checked before routing, so unsigned reads learn nothing, not even whether a route exists.
        if (UrlSigners.FromSettings(settings.UrlSigning) is { } signer)
            app.UseMiddleware<UrlSignatureMiddleware>(signer);
        // After the signature check (a read refused there never reaches a key check) and before the endpoints.
        app.UseKoniferAuth(configuration.Auth);
        app.MapHealthApi();
        // A generation worker answers its orchestrator's probes and scrapes, nothing else (instance.role = worker).
        if (settings.Instance.ServesApi)
        {
            app.MapAssetsApi(configuration.Auth);
            app.MapRuleEvaluationsApi(configuration.Rules.RuleEvaluationEnabled, configuration.Auth);
            app.MapKoniferApiDocument(settings.Http);
        }
        app.MapKoniferMetrics();
        return app;
    }

    /// <summary>
    /// Where to listen when the framework's own sources say nothing: <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (and their <c>DOTNET_</c> forms) and <c>Kestrel:Endpoints</c>
    /// keep the framework's precedence; only without any of them does <see cref="DefaultUrls"/> apply.
    /// </summary>
    private static string? ListenAddress(IConfiguration configuration, KoniferHostOptions hostOptions)
    {
        if (hostOptions.Urls is not null) return hostOptions.Urls;
        var frameworkSet = !string.IsNullOrEmpty(configuration["urls"]) || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"]) || configuration.GetSection("Kestrel:Endpoints").Exists();
        return frameworkSet ? null : hostOptions.Environment("ASPNETCORE_URLS") ?? DefaultUrls;
    }

    private static string NoRouteMessage(HttpContext context) => context.Response.StatusCode switch
    {
        400 => HostFilteringSetup.Refusal(context), // the only body-less 400 that reaches these pages
        404 when !context.RequestServices.GetRequiredService<KoniferSettings>().Instance.ServesApi =>
            $"Nothing is served at {context.Request.Path}: this instance is a generation worker (instance.role = worker), it serves only /health/*.",
        404 => $"Nothing is served at {context.Request.Path}: asset routes start with /assets/.",
        405 => $"{context.Request.Method} is not supported on {context.Request.Path}.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(context.Response.StatusCode),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance role: {Role} (instance.role)")]
    private static partial void LogRole(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration: {Source}")]
    private static partial void LogConfiguration(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    private static partial void LogConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance: {InstanceId} (the owner named in this process's generation claims and job leases)")]
    private static partial void LogInstance(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IN_MEMORY=true: assets are kept in memory and lost when the process stops")]
    private static partial void LogInMemory(ILogger logger);
}
