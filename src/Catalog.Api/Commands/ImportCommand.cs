using Catalog.Api.Data;
using Catalog.Api.Development;
using Catalog.Ingest.Import;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Commands;

/// <summary><c>import [--check] [--seed PATH]</c>: imports the seed (or only checks it) and prints a summary.</summary>
public static class ImportCommand
{
    public static bool IsImportCommand(string[] args) => args is ["import", ..];

    public static bool IsCheckCommand(string[] args) => IsImportCommand(args) && args.Contains("--check");

    public static int Check(IConfiguration configuration, IHostEnvironment environment, string[] args)
    {
        var configured = configuration[$"{CatalogOptions.Section}:{nameof(CatalogOptions.SeedPath)}"];
        var seed = SeedArgument(args) ?? (string.IsNullOrWhiteSpace(configured) ? CatalogOptions.FindSeed(environment.ContentRootPath) : configured);
        return Report(() => Task.FromResult(CatalogImporter.Check(seed))).GetAwaiter().GetResult();
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var seed = SeedArgument(args) ?? app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value.SeedPath;
        try
        {
            return await Report(async () =>
            {
                await app.Services.MigrateCatalogDatabaseAsync();
                return await app.Services.GetRequiredService<CatalogImporter>().ImportAsync(seed);
            });
        }
        finally
        {
            app.Services.GetService<LocalPostgresServer>()?.Stop();
        }
    }

    private static string? SeedArgument(string[] args)
    {
        var index = Array.IndexOf(args, "--seed");
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<int> Report(Func<Task<ImportResult>> import)
    {
        try
        {
            Console.WriteLine((await import()).Summary());
            return 0;
        }
        catch (SeedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
