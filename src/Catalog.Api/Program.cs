using Catalog.Api;
using Catalog.Api.Assets;
using Catalog.Api.Auth;
using Catalog.Api.Caching;
using Catalog.Api.Commands;
using Catalog.Api.Data;
using Catalog.Api.Development;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Errors;
using Catalog.Api.Graph.Http;
using Catalog.Api.Graph.Limits;
using Catalog.Api.Health;
using Catalog.Api.Snapshot;
using Catalog.Api.Telemetry;
using Catalog.Api.Widget;

// `probe [--ready]` checks a running instance's health (the container HEALTHCHECK) and starts nothing.
if (HealthProbeCommand.IsProbeCommand(args))
    return await HealthProbeCommand.RunAsync(args);

// appsettings.json from the working folder, else from beside the binaries (a published dll started from anywhere).
var builder = ServiceHost.CreateBuilder(args);
var command = ImportCommand.IsImportCommand(args) || LandscapeCommand.IsLandscapeCommand(args) || DraftCommand.IsDraftCommand(args)
    || NotesImportCommand.IsNotesImportCommand(args) || AnnotateCommand.IsAnnotateCommand(args) || ApiKeyCommand.IsApiKeyCommand(args);
// A command prints its answer on stdout and its logs on stderr.
if (command) builder.LogToStandardError();

// `import --check` validates the seed and touches no database.
if (ImportCommand.IsCheckCommand(args))
    return ImportCommand.Check(builder.Configuration, builder.Environment, args);
// `landscape copy FILE` copies a CNCF landscape file into the seed without its descriptions.
if (LandscapeCommand.IsLandscapeCommand(args))
    return LandscapeCommand.Run(builder.Configuration, builder.Environment, args);
// `notes draft FILE.md` drafts the catalog YAML for a write-up.
if (DraftCommand.IsDraftCommand(args))
    return DraftCommand.Run(builder.Configuration, builder.Environment, args);
// `notes annotate FILE.md` links a post's technologies and appends a glossary, for blogs that run no scripts.
if (AnnotateCommand.IsAnnotateCommand(args))
    return AnnotateCommand.Run(builder.Configuration, builder.Environment, args);

// Services.
await builder.StartLocalDatabaseUnlessConfiguredAsync();
builder.AddCatalogTelemetry();
builder.AddCatalogDatabase();
builder.AddCatalogSnapshot();
builder.AddCatalogImport();
builder.AddCatalogAuthentication();
builder.AddCatalogLimits();
builder.AddCatalogCors();
builder.AddCatalogGraphQL();
builder.AddCatalogAssets();
builder.AddCatalogWidget();
builder.AddCatalogCompression();
builder.AddCatalogHealth();
builder.AddCatalogSettingsValidation();

var app = builder.Build();
if (!app.SettingsAreValid()) return 1;

// Commands that run instead of the service.
if (ImportCommand.IsImportCommand(args))
    return await ImportCommand.RunAsync(app, args);
// `notes import DIR` imports a blog's drafts, all or nothing.
if (NotesImportCommand.IsNotesImportCommand(args))
    return await NotesImportCommand.RunAsync(app, args);
if (ApiKeyCommand.IsApiKeyCommand(args))
    return await ApiKeyCommand.RunAsync(app, args);

if (!await app.PrepareCatalogDatabaseAsync()) return 1;
app.StartCatalogSnapshot();

// A request's way, in order.
app.UseCorrelationId();
app.UseCatalogTelemetry();
// Before the limits, so that their refusals (414, 413, 429) are readable from the pages that embed the widget.
app.UseCors();
app.UseCatalogLimits();
app.UseCatalogCompression();
app.UseAuthentication();
app.UseCatalogIde();
app.MapGet("/", () => Results.Redirect("/graphql"));
app.MapCatalogGraphQL();
app.MapCatalogAssets();
app.MapCatalogWidget();
app.MapCatalogHealth();
app.MapCatalogTelemetry();

// A port in use or invalid settings end the start with one line and exit code 1; a local PostgreSQL stops with the service.
return await app.RunServiceAsync();

/// <summary>The entry point, visible to the tests' host.</summary>
public partial class Program;
