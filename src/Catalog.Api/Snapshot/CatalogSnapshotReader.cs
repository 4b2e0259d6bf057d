using System.Data;
using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Snapshot;

/// <summary>Reads the whole catalog and its version from PostgreSQL in one repeatable-read transaction.</summary>
public static class CatalogSnapshotReader
{
    /// <summary>The version the database is at now: one cheap query, to know whether a rebuild is needed.</summary>
    public static async Task<long> ReadVersionAsync(CatalogDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>("SELECT version AS \"Value\" FROM catalog_version").SingleAsync(ct);

    /// <summary>Every row, with the version and whether a seed was imported, all of one committed state.</summary>
    public static async Task<(long Version, bool Imported, CatalogRows Rows)> ReadAsync(CatalogDbContext db, CancellationToken ct)
    {
        // One transaction, so the rows and the version belong to one committed state whatever commits meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var version = await ReadVersionAsync(db, ct);
        var imported = await db.SeedStates.AnyAsync(ct);
        var rows = new CatalogRows(
            await db.Technologies.AsNoTracking().ToListAsync(ct),
            await db.TechnologyAliases.AsNoTracking().ToListAsync(ct),
            await db.TechnologyDefinitions.AsNoTracking().ToListAsync(ct),
            await db.TechnologyCategories.AsNoTracking().ToListAsync(ct),
            await db.TechnologyOrganizations.AsNoTracking().ToListAsync(ct),
            await db.TechnologyRelations.AsNoTracking().ToListAsync(ct),
            await db.Categories.AsNoTracking().ToListAsync(ct),
            await db.Organizations.AsNoTracking().ToListAsync(ct),
            await db.People.AsNoTracking().ToListAsync(ct),
            await db.Events.AsNoTracking().ToListAsync(ct),
            await db.Talks.AsNoTracking().ToListAsync(ct),
            await db.TalkSpeakers.AsNoTracking().ToListAsync(ct),
            await db.TalkOrganizations.AsNoTracking().ToListAsync(ct),
            await db.Documents.AsNoTracking().ToListAsync(ct),
            await db.Sections.AsNoTracking().ToListAsync(ct),
            await db.Mentions.AsNoTracking().ToListAsync(ct));
        await transaction.CommitAsync(ct);
        return (version, imported, rows);
    }
}
