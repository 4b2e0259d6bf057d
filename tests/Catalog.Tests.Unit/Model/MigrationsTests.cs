using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Tests.Model;

/// <summary>The migrations in Catalog.Model describe the model as its entities and configurations make it.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_last_migrations_snapshot_matches_the_model()
    {
        using var db = Context();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration holds: add a migration (src/README.md, Changing the schema).");
    }

    [Fact]
    public void The_migrations_keep_their_ids()
    {
        using var db = Context();

        Assert.Equal(
            ["20261127205147_InitialCatalog", "20261127211118_Search", "20261127222132_ApiKeys", "20261127230706_ImportedFiles",
             "20261127230959_SearchTextsAndChangeNotices", "20261202170000_CatalogVersion", "20261202174445_PersistedDocuments",
             "20261202175732_LandscapeFacts", "20261207180000_AliasAmbiguity", "20261208120000_SpeakerProfilesAndTalkSlots"],
            db.Database.GetMigrations());
    }

    // Configured as the service configures it; nothing connects.
    private static CatalogDbContext Context()
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        options.UseCatalogDatabase("Host=unused;Database=unused");
        return new CatalogDbContext(options.Options);
    }
}
