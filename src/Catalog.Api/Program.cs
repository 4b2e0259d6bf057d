using Catalog.Api.Auth;
using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Errors;
using Catalog.Api.Graph.Http;
using Catalog.Api.Graph.Limits;
using Catalog.Api.Health;
using Catalog.Api.Import;
using Catalog.Api.Telemetry;
using Catalog.Api.Widget;

// `probe [--ready]` checks a running instance's health (the container HEALTHCHECK) and starts nothing.
if (HealthProbeCommand.IsProbeCommand(args))
    return await HealthProbeCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

// `import --check` validates the seed and touches no database.
if (ImportCommand.IsCheckCommand(args))
    return ImportCommand.Check(builder.Configuration, builder.Environment, args);
if (Catalog.Api.Notes.Drafting.DraftCommand.IsDraftCommand(args)) return Catalog.Api.Notes.Drafting.DraftCommand.Run(builder.Configuration, builder.Environment, args);

builder.AddCatalogDatabase();
builder.AddCatalogLimits();
builder.AddCatalogGraphQL();
builder.AddCatalogHealth();
builder.AddCatalogWidget();
builder.AddCatalogTelemetry();

var app = builder.Build();

if (ImportCommand.IsImportCommand(args))
    return await ImportCommand.RunAsync(app, args);
if (ApiKeyCommand.IsApiKeyCommand(args))
    return await ApiKeyCommand.RunAsync(app, args);

if (!await app.PrepareCatalogDatabaseAsync()) return 1;
app.UseCorrelationId();
app.MapCatalogTelemetry();
app.UseCatalogLimits();
app.MapGet("/", () => Results.Redirect("/graphql"));
app.MapCatalogGraphQL();
app.MapCatalogHealth();
app.MapCatalogWidget();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' host.</summary>
public partial class Program;
