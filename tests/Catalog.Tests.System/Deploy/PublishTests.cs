using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Api.Health;
using Catalog.Tests.Infrastructure;
using Npgsql;

namespace Catalog.Tests.Deploy;

/// <summary>
/// The service published with the Dockerfile's own publish command and laid out as the image lays it out (the
/// output in WORKDIR, the seed beside it, the image's ENV), then started the way the image starts it.
/// </summary>
public sealed class PublishedImage : IAsyncLifetime
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "catalog-publish-" + Guid.NewGuid().ToString("N"));

    /// <summary>The image's WORKDIR (/app), here.</summary>
    public string App => Path.Combine(_scratch, "app");

    public string Dll => Path.Combine(App, "Catalog.Api.dll");

    /// <summary>An empty HOME and TMPDIR, to see what the service writes.</summary>
    public string Home => Path.Combine(_scratch, "home");

    public string Temp => Path.Combine(_scratch, "tmp");

    public async Task InitializeAsync()
    {
        var dockerfile = DockerfileModel.Load(DeployFiles.Dockerfile);
        var runtime = dockerfile.Runtime;
        var workdir = runtime.Last("WORKDIR")!;
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Temp);

        // RUN dotnet publish ... -o /app ..., from the build context (the repository root), into App.
        var arguments = DockerfileModel.PublishCommand(DockerfileModel.Load(DeployFiles.Dockerfile)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        arguments[Array.IndexOf(arguments, "-o") + 1] = App;
        var published = await Command.RunAsync("dotnet", arguments, DeployFiles.RepositoryRoot,
            new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            TimeSpan.FromMinutes(8));
        Assert.True(published.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed: {published}");

        // COPY seed/ ./seed/ (and any other file the runtime stage copies from the context).
        foreach (var copy in runtime.All("COPY").Where(c => !c.StartsWith("--from", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var target = Local(Path.GetFullPath(parts[^1], workdir + "/"), workdir);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(DeployFiles.RepositoryRoot, parts[0]), "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(Path.Combine(DeployFiles.RepositoryRoot, parts[0]), file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }
    }

    /// <summary>
    /// The image's ENV with its paths moved here, plus a database; the address comes from ServiceProcess
    /// (ASPNETCORE_URLS on loopback, where the image says ASPNETCORE_HTTP_PORTS on every interface).
    /// </summary>
    public Dictionary<string, string?> Environment(string connectionString)
    {
        var runtime = DockerfileModel.Load(DeployFiles.Dockerfile).Runtime;
        var workdir = runtime.Last("WORKDIR")!;
        var environment = runtime.Environment.ToDictionary(
            p => p.Key,
            p => (string?)(p.Value.StartsWith(workdir + "/", StringComparison.Ordinal) ? Local(p.Value, workdir) : p.Value));
        environment["ASPNETCORE_HTTP_PORTS"] = null;
        environment["TMPDIR"] = Temp;
        environment["HOME"] = Home;
        environment["DOTNET_RUNNING_IN_CONTAINER"] = "true"; // as in the .NET images
        environment["ConnectionStrings__Catalog"] = connectionString;
        return environment;
    }

    /// <summary>Runs the published service with arguments (a command such as import or probe) to its end.</summary>
    public Task<CommandResult> RunAsync(IDictionary<string, string?> environment, params string[] arguments) =>
        Command.RunAsync("dotnet", [Dll, .. arguments], App, environment, TimeSpan.FromMinutes(2));

    public static IReadOnlyList<string> FilesUnder(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private string Local(string imagePath, string workdir) => Path.Combine(App, Path.GetRelativePath(workdir, imagePath));

    public Task DisposeAsync()
    {
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

public sealed class PublishTests(PublishedImage image) : IClassFixture<PublishedImage>
{
    [Fact]
    public void The_published_service_runs_the_workstation_garbage_collector()
    {
        // Replicas are sized for it (deploy/): the server collector takes tens of MB more under the same load.
        var config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(image.Dll, ".runtimeconfig.json")))!;
        Assert.False((bool?)config["runtimeOptions"]!["configProperties"]!["System.GC.Server"] ?? true);
    }

    [Fact]
    public async Task The_published_service_imports_the_seed_it_carries_and_serves_it_writing_nothing_outside_tmp()
    {
        var before = PublishedImage.FilesUnder(image.App);
        var environment = image.Environment(await TestPostgres.CreateDatabaseAsync());

        // Started from another folder, as `dotnet /app/Catalog.Api.dll` from anywhere: the content root is not the app's.
        var elsewhere = Directory.CreateTempSubdirectory("catalog-cwd-");
        await using (var service = await ServiceProcess.StartAsync(environment, dll: image.Dll, workingDirectory: elsewhere.FullName))
        {
            using (var ready = await service.Client.GetAsync(new Uri(service.Address, HealthExtensions.ReadyPath.TrimStart('/'))))
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var data = await QueryAsync(service, """{ technology(slug: "k8s") { slug talks { title } } }""");
            Assert.Equal("kubernetes", (string?)data["technology"]!["slug"]);
            Assert.NotEmpty(data["technology"]!["talks"]!.AsArray());

            // The IDE and the widget come from the published static web assets, precompressed.
            using (var page = new HttpRequestMessage(HttpMethod.Get, new Uri(service.Address, "graphql")))
            {
                page.Headers.Accept.ParseAdd("text/html");
                using var ide = await service.Client.SendAsync(page);
                var script = System.Text.RegularExpressions.Regex.Match(await ide.Content.ReadAsStringAsync(), "src=\"/(graphql-ide/ide\\.[0-9a-z]+\\.js)\"");
                Assert.True(script.Success, "The IDE's page links no fingerprinted script.");
                using var asset = new HttpRequestMessage(HttpMethod.Get, new Uri(service.Address, script.Groups[1].Value));
                asset.Headers.AcceptEncoding.ParseAdd("br");
                using var brotli = await service.Client.SendAsync(asset);
                Assert.Equal(HttpStatusCode.OK, brotli.StatusCode);
                Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
                Assert.Contains("immutable", brotli.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            }
            var widget = JsonNode.Parse(await service.Client.GetStringAsync(new Uri(service.Address, "widget/version")))!;
            using (var widgetScript = await service.Client.GetAsync(new Uri(service.Address, ((string)widget["script"]!).TrimStart('/'))))
            {
                Assert.Equal(HttpStatusCode.OK, widgetScript.StatusCode);
                Assert.Equal("text/javascript", widgetScript.Content.Headers.ContentType?.MediaType);
                Assert.Contains("data-cg-glossary", await widgetScript.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // The image's HEALTHCHECK command, against the running service.
            var probeEnvironment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = service.Address.ToString() };
            Assert.Equal(0, (await image.RunAsync(probeEnvironment, "probe")).ExitCode);
            Assert.Equal(0, (await image.RunAsync(probeEnvironment, "probe", "--ready")).ExitCode);

            Assert.Equal(0, await service.StopAsync());
            var afterStop = await image.RunAsync(probeEnvironment, "probe");
            Assert.NotEqual(0, afterStop.ExitCode);
        }

        elsewhere.Delete(recursive: true);

        // A read-only root file system would have been fine: nothing new in the app folder or in HOME.
        Assert.Equal(before, PublishedImage.FilesUnder(image.App));
        Assert.Empty(PublishedImage.FilesUnder(image.Home));
    }

    [Fact]
    public async Task The_import_job_migrates_and_imports_an_empty_database_then_replicas_without_ImportOnStart_serve_it()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var environment = image.Environment(connectionString);

        var check = await image.RunAsync(environment, "import", "--check");
        Assert.True(check.ExitCode == 0, check.ToString());

        var import = await image.RunAsync(environment, "import");
        Assert.True(import.ExitCode == 0, import.ToString());
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM seed_state", connection);
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        environment["Catalog__ImportOnStart"] = "false";
        await using var service = await ServiceProcess.StartAsync(environment, dll: image.Dll, workingDirectory: image.App);
        var data = await QueryAsync(service, """{ technology(slug: "istio") { slug } }""");
        Assert.Equal("istio", (string?)data["technology"]!["slug"]);
    }

    [Fact]
    public async Task In_a_container_without_a_connection_string_the_service_stops_and_says_what_is_missing()
    {
        var environment = image.Environment("unused");
        environment["ConnectionStrings__Catalog"] = null;

        var run = await image.RunAsync(environment);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ConnectionStrings__Catalog", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Empty(PublishedImage.FilesUnder(image.Home)); // and it started no PostgreSQL of its own
    }

    private static async Task<JsonNode> QueryAsync(ServiceProcess service, string query)
    {
        using var content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await service.Client.PostAsync(new Uri(service.Address, "graphql"), content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode && body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }
}
