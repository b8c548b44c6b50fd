using Konifer.Configuration;
using Microsoft.AspNetCore.HostFiltering;

namespace Konifer.Hosting;

/// <summary>
/// <c>http.allowed-hosts</c> through ASP.NET Core's host filtering. Links and <c>Location</c> are built from the
/// request's <c>Host</c> when <c>http.public-url</c> is not set, so a shared cache could otherwise keep links to a host
/// an attacker chose. The framework's own filter runs before any middleware of ours and answers without a problem body,
/// so it is replaced by the same middleware placed after the status-code pages, which then write the problem.
/// </summary>
public static partial class HostFilteringSetup
{
    public static void AddKoniferHostFiltering(this IServiceCollection services, HttpSettings http)
    {
        foreach (var filter in services.Where(d => d.ServiceType == typeof(IStartupFilter)
                     && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToArray())
            services.Remove(filter);
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = http.AllowedHosts.Count == 0 ? ["*"] : [.. http.AllowedHosts];
            options.IncludeFailureMessage = false; // the status-code pages write our problem instead
        });
    }

    /// <summary>
    /// Filters every request but <c>/health</c>: probes often address the instance by IP, and the health answer holds
    /// no URL built from the host.
    /// </summary>
    public static void UseKoniferHostFiltering(this WebApplication app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHostFiltering());

    /// <summary>Outside development, serving any host without a public URL leaves links to the client's Host header.</summary>
    public static void WarnWhenUnrestricted(ILogger logger, HttpSettings http, IHostEnvironment environment)
    {
        if (http.PublicUrl is null && http.AllowedHosts.Count == 0 && !environment.IsDevelopment())
            LogUnrestricted(logger);
    }

    public static string Refusal(HttpContext context) =>
        $"The Host '{context.Request.Host}' is not served here (http.allowed-hosts).";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Neither http.public-url nor http.allowed-hosts (or AllowedHosts) is set: links and Location " +
                  "headers are built from each request's Host header, which any client chooses. Set one of them.")]
    private static partial void LogUnrestricted(ILogger logger);
}
