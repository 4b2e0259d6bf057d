using System.Collections;
using Catalog.Api.Data;
using Catalog.Api.Snapshot;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Snapshot;

/// <summary>
/// The snapshot's reader is plain SQL beside EF Core's model: it must read every column the model maps, to the value
/// EF Core reads, or a new column would silently never reach the snapshot.
/// </summary>
public sealed class SnapshotReaderTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    [Fact]
    public async Task Every_mapped_column_is_read_to_the_value_EF_Core_reads()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var (version, imported, rows) = await CatalogSnapshotReader.ReadAsync(db, null, default);
        Assert.True(imported);
        Assert.Equal(await db.Database.SqlQueryRaw<long>("SELECT version AS \"Value\" FROM catalog_version").SingleAsync(), version);

        var compared = new List<Type>();
        await AssertSameAsync(db, rows.Technologies, compared);
        await AssertSameAsync(db, rows.Aliases, compared);
        await AssertSameAsync(db, rows.Definitions, compared);
        await AssertSameAsync(db, rows.TechnologyCategories, compared);
        await AssertSameAsync(db, rows.Makers, compared);
        await AssertSameAsync(db, rows.Relations, compared);
        await AssertSameAsync(db, rows.Categories, compared);
        await AssertSameAsync(db, rows.Organizations, compared);
        await AssertSameAsync(db, rows.People, compared);
        await AssertSameAsync(db, rows.Events, compared);
        await AssertSameAsync(db, rows.Talks, compared);
        await AssertSameAsync(db, rows.Speakers, compared);
        await AssertSameAsync(db, rows.TalkOrganizations, compared);
        await AssertSameAsync(db, rows.Documents, compared);
        await AssertSameAsync(db, rows.Sections, compared);
        await AssertSameAsync(db, rows.Mentions, compared);

        // Every table the snapshot is built from is one of the rows' lists (API keys and the like are not catalog).
        var snapshotTables = Catalog.Model.Migrations.SearchTextsAndChangeNotices.CatalogTables
            .Where(t => t is not ("seed_state" or "imported_files")).Order();
        Assert.Equal(snapshotTables, compared.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).Order());
    }

    [Fact]
    public async Task Repeated_values_of_the_shared_columns_are_one_string()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var (_, _, rows) = await CatalogSnapshotReader.ReadAsync(db, null, default);
        // Mentions on one line share its text; landscape entries their category; definitions their source page.
        var sameLine = rows.Mentions.GroupBy(m => m.LineText).First(g => g.Count() > 1).ToList();
        Assert.Same(sameLine[0].LineText, sameLine[1].LineText);
        var sameCategory = rows.Technologies.Where(t => t.Landscape is not null).GroupBy(t => t.Landscape!.Category).First(g => g.Count() > 1).ToList();
        Assert.Same(sameCategory[0].Landscape!.Category, sameCategory[1].Landscape!.Category);
        var sameSource = rows.Definitions.Where(d => d.SourceUrl is not null).GroupBy(d => d.SourceUrl).First(g => g.Count() > 1).ToList();
        Assert.Same(sameSource[0].SourceUrl, sameSource[1].SourceUrl);
        // An alias already in normal form is one string for both.
        var normal = rows.Aliases.First(a => a.Normalized == a.Text);
        Assert.Same(normal.Text, normal.Normalized);
    }

    [Fact]
    public async Task A_rebuild_keeps_the_entities_that_did_not_change_and_reads_those_that_did()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var (version, imported, rows) = await CatalogSnapshotReader.ReadAsync(db, null, default);
        var previous = new CatalogSnapshot(version, DateTimeOffset.UtcNow, imported, rows);

        // One column of each shared table changes: a plain one, and one inside the landscape's complex property.
        var listed = rows.Technologies.First(t => t.Landscape is not null);
        var counted = rows.Technologies.First(t => t.Landscape is null);
        var alias = rows.Aliases[^1];
        var definition = rows.Definitions[0];
        var mention = rows.Mentions[0];
        FormattableString[] changes =
        [
            $"UPDATE technologies SET landscape_subcategory = landscape_subcategory || ' (changed)' WHERE id = {listed.Id}",
            $"UPDATE technologies SET mention_count = mention_count + 1 WHERE id = {counted.Id}",
            $"UPDATE technology_aliases SET case_sensitive = NOT case_sensitive WHERE id = {alias.Id}",
            $"UPDATE technology_definitions SET short = short || ' (changed)' WHERE id = {definition.Id}",
            $"UPDATE mentions SET \"column\" = \"column\" + 1 WHERE id = {mention.Id}",
        ];
        foreach (var change in changes) await db.Database.ExecuteSqlAsync(change);
        try
        {
            var (_, _, again) = await CatalogSnapshotReader.ReadAsync(db, previous, default);

            Assert.Equal(listed.Landscape!.Subcategory + " (changed)", again.Technologies.Single(t => t.Id == listed.Id).Landscape!.Subcategory);
            Assert.Equal(counted.MentionCount + 1, again.Technologies.Single(t => t.Id == counted.Id).MentionCount);
            Assert.Equal(!alias.CaseSensitive, again.Aliases.Single(a => a.Id == alias.Id).CaseSensitive);
            Assert.Equal(definition.Short + " (changed)", again.Definitions.Single(d => d.Id == definition.Id).Short);
            Assert.Equal(mention.Column + 1, again.Mentions.Single(m => m.Id == mention.Id).Column);

            // Everything else is the previous snapshot's own entity, not a copy.
            Assert.All(again.Technologies.Where(t => t.Id != listed.Id && t.Id != counted.Id), t => Assert.Same(previous.Technologies[t.Id], t));
            Assert.All(again.Aliases.Where(a => a.Id != alias.Id), a => Assert.Same(previous.Aliases[a.Id], a));
            Assert.All(again.Mentions.Where(m => m.Id != mention.Id), m => Assert.Same(previous.Mentions[m.Id], m));
            Assert.All(again.Definitions.Where(d => d.Id != definition.Id), d => Assert.Same(previous.DefinitionsOf[d.TechnologyId].Single(p => p.Id == d.Id), d));
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"UPDATE technologies SET landscape_subcategory = {listed.Landscape!.Subcategory} WHERE id = {listed.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE technologies SET mention_count = {counted.MentionCount} WHERE id = {counted.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE technology_aliases SET case_sensitive = {alias.CaseSensitive} WHERE id = {alias.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE technology_definitions SET short = {definition.Short} WHERE id = {definition.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE mentions SET \"column\" = {mention.Column} WHERE id = {mention.Id}");
        }
    }

    private static async Task AssertSameAsync<T>(CatalogDbContext db, List<T> read, List<Type> compared) where T : class
    {
        compared.Add(typeof(T));
        var entity = db.Model.FindEntityType(typeof(T))!;
        var key = entity.FindPrimaryKey()!.Properties;
        string KeyOf(T row) => string.Join("/", key.Select(p => p.PropertyInfo!.GetValue(row)));
        var expected = (await db.Set<T>().AsNoTracking().ToListAsync()).OrderBy(KeyOf, StringComparer.Ordinal).ToList();
        var actual = read.OrderBy(KeyOf, StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 0, $"no {typeof(T).Name} rows to compare");
        Assert.Equal(expected.Count, actual.Count);

        var members = entity.GetProperties().Select(p => (p.Name, p.PropertyInfo!))
            .Concat(entity.GetComplexProperties().Select(p => (p.Name, p.PropertyInfo!)))
            .ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var (name, property) in members)
            {
                var want = property.GetValue(expected[i]);
                var got = property.GetValue(actual[i]);
                if (want is IEnumerable list and not string)
                    Assert.True(got is IEnumerable other && list.Cast<object>().SequenceEqual(other.Cast<object>()), $"{typeof(T).Name} {KeyOf(expected[i])}: {name}");
                else
                    Assert.True(Equals(want, got), $"{typeof(T).Name} {KeyOf(expected[i])}: {name} is {got ?? "null"}, EF Core reads {want ?? "null"}");
            }
        }
    }
}
