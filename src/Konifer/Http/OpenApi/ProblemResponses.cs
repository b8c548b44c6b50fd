using Konifer.Http.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Konifer.Http.OpenApi;

/// <summary>
/// Declares the problem answers a route can give, as <see cref="ApiProblem"/> (RFC 9457 plus the reference's
/// <c>message</c>) in <c>application/problem+json</c>: the framework's own <c>ProducesProblem</c> would describe its
/// <c>ProblemDetails</c>, which lacks <c>message</c>.
/// </summary>
public static class ProblemResponses
{
    /// <summary>What every route can answer: a store that is down (503 with Retry-After) and an unexpected failure.</summary>
    private static readonly int[] Always = [StatusCodes.Status503ServiceUnavailable, StatusCodes.Status500InternalServerError];

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses.Concat(Always).Distinct())
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ApiProblem.ContentType]));
        return builder;
    }
}
