using System.Net;
using Catalog.Api;
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

/// <summary>The service executing one request at a time, with no room to wait.</summary>
public sealed class SingleFileFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Catalog:Limits:MaxConcurrentRequests", "1"),
        ("Catalog:Limits:MaxQueuedRequests", "0"),
    ];
}

/// <summary>The service executing one request at a time, the others waiting their turn.</summary>
public sealed class QueuedFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Catalog:Limits:MaxConcurrentRequests", "1")];
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
        Assert.Equal(ErrorCodes.RateLimited, limited.Code);
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

        Assert.Equal(ErrorCodes.Timeout, response.Code);
        Assert.Contains("the limit (TimeoutSeconds) is 0.001 s", response.Message0, StringComparison.Ordinal);
    }
}

public sealed class ConcurrencyTests(SingleFileFixture single, QueuedFixture queued) : IClassFixture<SingleFileFixture>, IClassFixture<QueuedFixture>
{
    private const string Heavy = "{ technologies(first: 100) { nodes { name talks { title speakers { name } organizations { name } } } } }";

    [Fact]
    public async Task Past_the_requests_executing_at_once_and_the_queue_a_request_gets_503_overloaded_and_health_stays_open()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Attack.PostAsync(single.Client, Heavy)));

        Assert.Contains(responses, r => r.Status == HttpStatusCode.OK && r.Json?["errors"] is null);
        var refused = responses.FirstOrDefault(r => r.Status == HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused);
        Assert.Equal(ErrorCodes.Overloaded, refused.Code);
        Assert.Contains("(MaxConcurrentRequests)", refused.Message0, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Message.Headers.RetryAfter?.Delta);
        var health = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => single.Client.GetAsync("/health/live")));
        Assert.All(health, h => Assert.Equal(HttpStatusCode.OK, h.StatusCode));
    }

    [Fact]
    public async Task Requests_past_the_ones_executing_at_once_wait_their_turn_and_are_all_answered()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Attack.PostAsync(queued.Client, Heavy)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(responses, r => Assert.Null(r.Json?["errors"]));
    }
}
