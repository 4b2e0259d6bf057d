using Catalog.Api.Data;
using Catalog.Api.Data.LocalDatabase;

namespace Catalog.Api.Auth;

/// <summary>
/// <c>apikey create NAME</c> creates an API key for mutations and prints it once; <c>apikey list</c> prints the keys'
/// names and creation times; <c>apikey revoke NAME</c> deletes the keys of that name, refused from the next request on.
/// </summary>
public static class ApiKeyCommand
{
    public static bool IsApiKeyCommand(string[] args) => args is ["apikey", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            switch (args)
            {
                case ["apikey", "create", var name] when !string.IsNullOrWhiteSpace(name):
                    await app.Services.MigrateCatalogDatabaseAsync();
                    var key = await app.Services.GetRequiredService<ApiKeys>().CreateAsync(name.Trim());
                    Console.WriteLine(key);
                    await Console.Error.WriteLineAsync($"API key '{name.Trim()}' created. It is shown only now; send it as 'Authorization: Bearer <key>' or '{ApiKeys.Header}: <key>'.");
                    return 0;
                case ["apikey", "list"]:
                    await app.Services.MigrateCatalogDatabaseAsync();
                    foreach (var (keyName, createdAt) in await app.Services.GetRequiredService<ApiKeys>().ListAsync())
                        Console.WriteLine($"{createdAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\t{keyName}");
                    return 0;
                case ["apikey", "revoke", var name] when !string.IsNullOrWhiteSpace(name):
                    await app.Services.MigrateCatalogDatabaseAsync();
                    var revoked = await app.Services.GetRequiredService<ApiKeys>().RevokeAsync(name.Trim());
                    if (revoked == 0)
                    {
                        await Console.Error.WriteLineAsync($"No API key is named '{name.Trim()}' (apikey list shows the names).");
                        return 1;
                    }
                    await Console.Error.WriteLineAsync($"Revoked {revoked} API key(s) named '{name.Trim()}'; requests carrying them are refused from now on.");
                    return 0;
                default:
                    await Console.Error.WriteLineAsync("Usage: apikey create NAME | apikey list | apikey revoke NAME");
                    return 2;
            }
        }
        finally
        {
            app.Services.GetService<LocalPostgresServer>()?.Stop();
        }
    }
}
