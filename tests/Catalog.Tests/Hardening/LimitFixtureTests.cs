using System.Net;
using Catalog.Api.Graph.Limits;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Hardening;

/// <summary>The service with a small rate limit.</summary>
public sealed class RateLimitedFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Catalog:Limits:RateLimitPermits", "5"),
        ("Catalog:Limits:RateLimitWindowSeconds", "60"),
    ];
}

/// <summary>The service with a timeout no query can meet.</summary>
public sealed class ImpatientFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Catalog:Limits:TimeoutSeconds", "0.001")];
}

public sealed class RateLimitTests(RateLimitedFixture api) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task Past_the_rate_limit_a_client_gets_429_with_retry_after_and_health_stays_open()
    {
        Attack.Response? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await Attack.PostAsync(api.Client, "{ __typename }");
            if (response.Status == HttpStatusCode.TooManyRequests) limited = response;
        }

        Assert.NotNull(limited);
        Assert.Equal(LimitErrors.RateLimited, limited.Code);
        Assert.Contains("(RateLimitPermits) is 5 per 60 s", limited.Message0, StringComparison.Ordinal);
        var retryAfter = limited.Message.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/live")).StatusCode);
    }

}

public sealed class TimeoutTests(ImpatientFixture api) : IClassFixture<ImpatientFixture>
{
    [Fact]
    public async Task A_request_past_the_timeout_gets_a_timeout_error()
    {
        var response = await Attack.PostAsync(api.Client, "{ technologies(first: 100) { nodes { name talks { title } } } }");

        Assert.Equal(LimitErrors.Timeout, response.Code);
        Assert.Contains("the limit (TimeoutSeconds) is 0.001 s", response.Message0, StringComparison.Ordinal);
    }
}
