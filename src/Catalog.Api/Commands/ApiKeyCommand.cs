using Catalog.Api.Auth;
using Catalog.Api.Data;
using Catalog.Api.Development;

namespace Catalog.Api.Commands;

/// <summary><c>apikey create NAME</c>: creates an API key for mutations and prints it once.</summary>
public static class ApiKeyCommand
{
    public static bool IsApiKeyCommand(string[] args) => args is ["apikey", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            if (args is not ["apikey", "create", var name] || string.IsNullOrWhiteSpace(name))
            {
                await Console.Error.WriteLineAsync("Usage: apikey create NAME");
                return 2;
            }
            await app.Services.MigrateCatalogDatabaseAsync();
            var key = await app.Services.GetRequiredService<ApiKeys>().CreateAsync(name.Trim());
            Console.WriteLine(key);
            await Console.Error.WriteLineAsync($"API key '{name.Trim()}' created. It is shown only now; send it as 'Authorization: Bearer <key>' or '{ApiKeys.Header}: <key>'.");
            return 0;
        }
        finally
        {
            app.Services.GetService<LocalPostgresServer>()?.Stop();
        }
    }
}
