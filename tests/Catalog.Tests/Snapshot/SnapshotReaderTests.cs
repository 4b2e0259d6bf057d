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
        var (version, imported, rows) = await CatalogSnapshotReader.ReadAsync(db, default);
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
        var snapshotTables = Catalog.Api.Data.Migrations.SearchTextsAndChangeNotices.CatalogTables
            .Where(t => t is not ("seed_state" or "imported_files")).Order();
        Assert.Equal(snapshotTables, compared.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).Order());
    }

    [Fact]
    public async Task Repeated_values_of_the_shared_columns_are_one_string()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var (_, _, rows) = await CatalogSnapshotReader.ReadAsync(db, default);
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
