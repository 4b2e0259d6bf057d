using System.Net;
using Catalog.Api.Data;
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

    public static async Task<int> CommandsOfAGetAsync(CatalogApiFixture api) => await api.CountCommandsAsync(async () =>
    {
        using var response = await api.Client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    });

    /// <summary>Waits until the instance knows the catalog's version, which it must before it keeps anything.</summary>
    public static async Task ListeningAsync(CatalogApiFixture api)
    {
        var catalog = api.Services.GetRequiredService<ICatalogVersion>();
        for (var i = 0; i < 100 && catalog.Current is null; i++) await Task.Delay(50);
        Assert.NotNull(catalog.Current);
    }
}

public sealed class ResponseCacheExpiryTests(ShortResponseCacheFixture api) : IClassFixture<ShortResponseCacheFixture>
{
    [Fact]
    public async Task A_kept_answer_is_executed_again_once_it_is_older_than_the_setting()
    {
        await CachedGet.ListeningAsync(api);
        Assert.True(await CachedGet.CommandsOfAGetAsync(api) > 0);
        api.Clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(0, await CachedGet.CommandsOfAGetAsync(api));
        api.Clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(await CachedGet.CommandsOfAGetAsync(api) > 0);
    }
}

public sealed class ResponseCacheOffTests(NoResponseCacheFixture api) : IClassFixture<NoResponseCacheFixture>
{
    [Fact]
    public async Task Turned_off_every_get_is_executed()
    {
        await CachedGet.ListeningAsync(api);
        Assert.True(await CachedGet.CommandsOfAGetAsync(api) > 0);
        Assert.True(await CachedGet.CommandsOfAGetAsync(api) > 0);
    }
}
