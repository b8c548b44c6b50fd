using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Konifer.UrlSigning;

namespace Konifer.Client;

public static class KoniferClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KoniferClient"/> as a typed client of <c>IHttpClientFactory</c>, with the standard resilience
    /// pipeline of <c>Microsoft.Extensions.Http.Resilience</c> (retries with back-off and jitter, a circuit breaker,
    /// timeouts), <see cref="KoniferUrls"/> for the pages' URLs and <see cref="ResponsiveImages"/>. Retries apply to reads only: an upload's stream cannot be sent twice, and a store
    /// repeated after a lost answer would add a second entry. Returns the builder for more handlers.
    /// </summary>
    public static IHttpClientBuilder AddKoniferClient(this IServiceCollection services, Action<KoniferClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new KoniferClientOptions();
        configure(options);
        if (options.BaseAddress is null) throw new ArgumentException("KoniferClientOptions.BaseAddress is required.", nameof(configure));
        services.AddSingleton(options);
        services.AddSingleton(sp => new KoniferUrls(options.PublicAddress ?? options.BaseAddress,
            options.SigningKey is { Length: > 0 } key ? new UrlSigner(options.SigningAlgorithm, key) : null,
            options.SignedUrlLifetime, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddTransient<ResponsiveImages>();
        var builder = services.AddHttpClient<KoniferClient>(http =>
        {
            http.BaseAddress = options.BaseAddress;
            // The resilience pipeline's timeouts apply; HttpClient's own would cut long downloads short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            if (options.ApiKey is { Length: > 0 } apiKey) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        });
        if (options.SigningKey is { Length: > 0 } signingKey)
            builder.AddHttpMessageHandler(() => new UrlSigningHandler(new UrlSigner(options.SigningAlgorithm, signingKey)));
        builder.AddStandardResilienceHandler(resilience =>
        {
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilience.CircuitBreaker.SamplingDuration = Max(resilience.CircuitBreaker.SamplingDuration, 2 * options.AttemptTimeout);
            resilience.TotalRequestTimeout.Timeout = Max(resilience.TotalRequestTimeout.Timeout, 3 * options.AttemptTimeout);
        });
        return builder;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
