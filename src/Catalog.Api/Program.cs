using Catalog.Api.Auth;
using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Errors;
using Catalog.Api.Graph.Http;
using Catalog.Api.Graph.Limits;
using Catalog.Api.Health;
using Catalog.Api.Import;

var builder = WebApplication.CreateBuilder(args);

// `import --check` validates the seed and touches no database.
if (ImportCommand.IsCheckCommand(args))
    return ImportCommand.Check(builder.Configuration, builder.Environment, args);

builder.AddCatalogDatabase();
builder.AddCatalogLimits();
builder.AddCatalogGraphQL();
builder.AddCatalogHealth();

var app = builder.Build();

if (ImportCommand.IsImportCommand(args))
    return await ImportCommand.RunAsync(app, args);
if (ApiKeyCommand.IsApiKeyCommand(args))
    return await ApiKeyCommand.RunAsync(app, args);

await app.PrepareCatalogDatabaseAsync();
app.UseCorrelationId();
app.UseCatalogLimits();
app.MapGet("/", () => Results.Redirect("/graphql"));
app.MapCatalogGraphQL();
app.MapCatalogHealth();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' host.</summary>
public partial class Program;
