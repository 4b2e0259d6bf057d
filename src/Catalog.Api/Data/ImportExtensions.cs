using Catalog.Api.Data;
using Catalog.Ingest.Import;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Data;

public static class ImportExtensions
{
    /// <summary>Registers the importer (the <c>import</c> command, the start-up import and the import mutations use it).</summary>
    public static WebApplicationBuilder AddCatalogImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CatalogImporter>();
        return builder;
    }

    /// <summary>
    /// Checks that the database answers and is not newer than this build (false, after one critical log line, when
    /// not), then migrates and imports the seed when the database does not hold it yet, unless turned off.
    /// </summary>
    public static async Task<bool> PrepareCatalogDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup");
        if (!await DatabaseStartupCheck.RunAsync(app.Services, app.Configuration, logger)) return false;
        var options = app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value;
        if (!options.ImportOnStart) return true;
        await app.Services.MigrateCatalogDatabaseAsync();
        var result = await app.Services.GetRequiredService<CatalogImporter>().ImportAsync(options.SeedPath, onlyIfChanged: true);
        if (result.Changed) app.Logger.LogInformation("{Summary}", result.Summary());
        return true;
    }
}
