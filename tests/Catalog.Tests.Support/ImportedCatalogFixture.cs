using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Tests.Infrastructure;

/// <summary>A database of its own holding the repository's seed, imported once for a test class.</summary>
public sealed class ImportedCatalogFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public ImportResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        Result = await new CatalogImporter(TestPostgres.Factory(ConnectionString), NullLogger<CatalogImporter>.Instance)
            .ImportAsync(Seeds.Repository);
    }

    public Catalog.Model.CatalogDbContext Context() => TestPostgres.Context(ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;
}
