using Catalog.Api.Data;
using Catalog.Api.Search;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Graph;

/// <summary>
/// Names sharing a prefix are many at scale, and search scores only the blocks of them that can reach the page: the
/// page must still be exactly the top of a ranking of every name.
/// </summary>
public sealed class SearchRankingTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string Query = "zzqx";

    [Fact]
    public async Task A_page_from_thousands_of_names_sharing_a_prefix_is_the_top_of_them_all()
    {
        // Names of every length in a scattered ordinal order, each with its own bonus from its mention count, so the
        // best names lie in blocks of every kind.
        var random = new Random(1404);
        var technologies = Enumerable.Range(0, 2000).Select(i => new Technology
        {
            Slug = $"{Query}-{i}",
            Name = Query + new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)('a' + random.Next(10)))]) + i,
            Kind = TechnologyKind.Project,
            MentionCount = random.Next(0, 60),
        }).ToList();
        var snapshots = api.Services.GetRequiredService<CatalogSnapshots>();
        var before = snapshots.Current!.Version;
        await using (var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync())
        {
            db.Technologies.AddRange(technologies);
            db.TechnologyAliases.AddRange(technologies.Select(t => new TechnologyAlias
            {
                Technology = t, Text = t.Name, Normalized = t.Name, Kind = AliasKind.Other, Match = false,
            }));
            await db.SaveChangesAsync();
        }
        for (var deadline = DateTime.UtcNow.AddSeconds(30); snapshots.Current!.Version == before; await Task.Delay(20))
            Assert.True(DateTime.UtcNow < deadline, "The insert did not reach the snapshot within 30 s.");

        // Every name starts with the query: the ranking is the prefix tier, the share of the name the query covers,
        // the language (none here: every name gets it) and the mention bonus; ties by id.
        var ranked = technologies
            .Select(t => (t.Slug, t.Id, Score: Math.Round(
                CatalogSearch.Prefix + 10.0 * Query.Length / t.Name.Length + 5 + Math.Min(2, 0.5 * Math.Log(1 + t.MentionCount)),
                3, MidpointRounding.AwayFromZero)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
            .ToList();
        foreach (var first in new[] { 1, 7, 50 })
        {
            var page = (await api.DataAsync(
                "query($q: String!, $first: Int) { search(query: $q, first: $first) { score item { ... on Technology { slug } } } }",
                new { q = Query, first }))["search"]!.AsArray();
            Assert.Equal(
                ranked.Take(first).Select(x => (x.Slug, x.Score)),
                page.Select(r => ((string)r!["item"]!["slug"]!, (double)r["score"]!)));
        }
    }
}
