using System.Net;
using Catalog.Api.Caching;
using Catalog.Api.Graph.Http;
using Catalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Tests.Http;

/// <summary>A service whose kept GET answers expire after one second, on a clock the test moves.</summary>
public sealed class ShortResponseCacheFixture : CatalogApiFixture
{
    public FakeTimeProvider Clock { get; } = new();

    protected override IEnumerable<(string Key, string Value)> Settings => [("Catalog:ResponseCacheSeconds", "1")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A service that keeps no GET answers (as behind a pooler that cannot LISTEN).</summary>
public sealed class NoResponseCacheFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Catalog:ResponseCache", "false")];
}

internal static class CachedGet
{
    public const string Url = "/graphql?query=%7B%20glossary(lang%3A%20JA)%20%7B%20slug%20%7D%20%7D";

    /// <summary>GETs <see cref="Url"/> and returns the response cache's entry for it afterwards (null when none is kept).</summary>
    public static async Task<ResponseCache.Entry?> GetAsync(CatalogApiFixture api)
    {
        using var response = await api.Client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return api.Services.GetRequiredService<ResponseCache>().Peek(MediaTypes.Negotiate(default) + " " + Url["/graphql".Length..]);
    }
}

public sealed class ResponseCacheExpiryTests(ShortResponseCacheFixture api) : IClassFixture<ShortResponseCacheFixture>
{
    [Fact]
    public async Task A_kept_answer_is_executed_again_once_it_is_older_than_the_setting()
    {
        var first = await CachedGet.GetAsync(api);
        Assert.NotNull(first);
        api.Clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Same(first, await CachedGet.GetAsync(api));
        api.Clock.Advance(TimeSpan.FromMilliseconds(200));
        var again = await CachedGet.GetAsync(api);
        Assert.NotNull(again);
        Assert.NotSame(first, again);
    }
}

public sealed class ResponseCacheOffTests(NoResponseCacheFixture api) : IClassFixture<NoResponseCacheFixture>
{
    [Fact]
    public async Task Turned_off_every_get_is_executed()
    {
        Assert.Null(await CachedGet.GetAsync(api));
        Assert.Null(await CachedGet.GetAsync(api));
    }
}
