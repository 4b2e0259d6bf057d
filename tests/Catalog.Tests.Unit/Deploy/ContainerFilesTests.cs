using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Api.Commands;
using Catalog.Api.Health;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Npgsql;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Catalog.Tests.Deploy;

/// <summary>deploy/Dockerfile, its ignore file and deploy/compose.yaml, checked against the service.</summary>
public sealed partial class ContainerFilesTests
{
    private static readonly DockerfileModel Dockerfile = DockerfileModel.Load(DeployFiles.Dockerfile);

    [Fact]
    public void The_image_runs_the_service_as_a_non_root_user_on_the_port_it_exposes()
    {
        var runtime = Dockerfile.Runtime;

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", runtime.From, StringComparison.Ordinal);
        Assert.Equal("/app", runtime.Last("WORKDIR"));
        Assert.Contains("--from=build /app ./", runtime.All("COPY"));
        Assert.Equal(["dotnet", "/app/Catalog.Api.dll"], DockerStage.ExecForm(runtime.Last("ENTRYPOINT")!));
        // The .NET images' non-root user, by number (APP_UID), so that Kubernetes' runAsNonRoot can check it.
        Assert.Equal("$APP_UID", runtime.Last("USER"));
        Assert.Equal(runtime.Environment["ASPNETCORE_HTTP_PORTS"], runtime.Last("EXPOSE"));
        Assert.Matches("^-o /app$", PublishOutput().Value);
    }

    [Fact]
    public void The_image_carries_the_seed_where_Catalog__SeedPath_points_and_no_connection_string()
    {
        var runtime = Dockerfile.Runtime;
        var seedCopy = Assert.Single(runtime.All("COPY"), c => c.StartsWith("seed/", StringComparison.Ordinal)).Split(' ');
        var destination = Path.GetFullPath(seedCopy[1], runtime.Last("WORKDIR")! + "/").TrimEnd('/');

        var environment = new ServiceEnvironment(runtime.Environment);
        Assert.Equal(destination, environment.CatalogOptions().SeedPath);
        Assert.Empty(environment.UnknownNames());
        Assert.Null(environment.ConnectionString);
    }

    [Fact]
    public void The_health_check_is_the_services_own_probe_without_a_shell()
    {
        var healthCheck = Dockerfile.Runtime.Last("HEALTHCHECK")!;
        Assert.Contains(" CMD [", healthCheck, StringComparison.Ordinal); // exec form: no shell in the way
        var command = DockerStage.ExecForm(healthCheck);
        Assert.Equal(["dotnet", "/app/Catalog.Api.dll"], command[..2]);
        Assert.True(HealthProbeCommand.IsProbeCommand(command[2..]));
    }

    [Fact]
    public void The_build_stage_has_Node_for_the_front_end_and_publishes_the_service()
    {
        var node = Dockerfile.Stage("node");
        Assert.StartsWith("node:${NODE_VERSION}-", node.From, StringComparison.Ordinal); // the official node image
        var major = int.Parse(Regex.Match(File.ReadAllText(DeployFiles.Dockerfile), @"ARG NODE_VERSION=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(major >= 22, "Vite needs Node.js 20.19+ or 22.12+");

        var build = Dockerfile.Stage("build");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", build.From, StringComparison.Ordinal);
        Assert.Contains(build.All("COPY"), c => c.StartsWith("--from=node /usr/local/bin/node ", StringComparison.Ordinal));
        Assert.Contains(build.All("RUN"), r => r.Contains("npm ci", StringComparison.Ordinal));
        Assert.Contains("src/Catalog.Api/Catalog.Api.csproj", PublishCommand(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_holds_the_sources_and_the_seed_but_no_build_outputs()
    {
        var rules = File.ReadAllLines(Path.Combine(DeployFiles.Folder, "Dockerfile.dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Exclude: !l.StartsWith('!'), Pattern: GlobRegex(l.TrimStart('!').Trim('/'))))
            .ToList();
        bool Ignored(string path) =>
            rules.LastOrDefault(r => Prefixes(path).Any(p => r.Pattern.IsMatch(p))) is { Pattern: not null } rule && rule.Exclude;

        // Every file the COPY instructions name (directories: every source file below them) reaches the build.
        var sources = Dockerfile.Stages.SelectMany(s => s.All("COPY"))
            .Where(c => !c.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var full = Path.Combine(DeployFiles.RepositoryRoot, source);
            var files = Directory.Exists(full)
                ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(DeployFiles.RepositoryRoot, f).Replace('\\', '/'))
                    .Where(f => !BuildOutput().IsMatch(f))
                    .ToList()
                : [source];
            Assert.True(files.Count > 0 && (Directory.Exists(full) || File.Exists(full)), $"COPY {source}: not in the repository");
            Assert.All(files, f => Assert.False(Ignored(f), $"{f} is ignored but COPY {source} needs it"));
        }

        foreach (var output in (string[])["src/Catalog.Api/bin/Release/net10.0/Catalog.Api.dll", "src/Catalog.Api/obj/project.assets.json",
                     "src/Catalog.Ide/node_modules/react/index.js", "src/Catalog.Ide/dist/ide.js", "tests/Catalog.Tests/Deploy/KustomizeTests.cs",
                     ".git/HEAD", "deploy/compose.yaml"])
            Assert.True(Ignored(output), $"{output} should stay out of the build context");
    }

    [Fact]
    public void Compose_runs_PostgreSQL_15_then_the_import_job_then_the_service_on_localhost()
    {
        var compose = LoadCompose();
        var services = (Dictionary<object, object>)compose["services"];
        var postgres = (Dictionary<object, object>)services["postgres"];
        var import = (Dictionary<object, object>)services["import"];
        var catalog = (Dictionary<object, object>)services["catalog"];

        Assert.Equal("postgres:15", postgres["image"]);
        Assert.Contains("pg_isready", string.Join(' ', (List<object>)((Dictionary<object, object>)postgres["healthcheck"])["test"]), StringComparison.Ordinal);
        Assert.Contains(((List<object>)postgres["volumes"]).Cast<string>(), v => v.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));

        // One image, built from deploy/Dockerfile with the repository as context, for both the job and the service.
        foreach (var service in (Dictionary<object, object>[])[import, catalog])
        {
            var build = (Dictionary<object, object>)service["build"];
            Assert.Equal("..", build["context"]);
            Assert.Equal("deploy/Dockerfile", build["dockerfile"]);
            Assert.Equal("true", service["read_only"]);
            Assert.Equal(["/tmp"], ((List<object>)service["tmpfs"]).Cast<string>());
        }
        Assert.Equal(import["image"], catalog["image"]);

        var importCommand = ((List<object>)import["command"]).Cast<string>().ToArray();
        Assert.True(ImportCommand.IsImportCommand(importCommand) && !ImportCommand.IsCheckCommand(importCommand));
        Assert.Equal("service_healthy", DependsOn(import, "postgres"));
        Assert.Equal("service_healthy", DependsOn(catalog, "postgres"));
        Assert.Equal("service_completed_successfully", DependsOn(catalog, "import"));

        var port = Dockerfile.Runtime.Environment["ASPNETCORE_HTTP_PORTS"];
        Assert.Equal([$"127.0.0.1:{port}:{port}"], ((List<object>)catalog["ports"]).Cast<string>());

        var server = Environment(postgres);
        foreach (var service in (Dictionary<object, object>[])[import, catalog])
        {
            var environment = new ServiceEnvironment(Environment(service));
            Assert.Empty(environment.UnknownNames());
            var connection = new NpgsqlConnectionStringBuilder(environment.ConnectionString);
            Assert.Equal("postgres", connection.Host);
            Assert.Equal(server["POSTGRES_DB"], connection.Database);
            Assert.Equal(server["POSTGRES_USER"], connection.Username);
            Assert.Equal(server["POSTGRES_PASSWORD"], connection.Password);
        }
        Assert.False(new ServiceEnvironment(Environment(catalog)).CatalogOptions().ImportOnStart);
    }

    /// <summary>The Dockerfile's publish command, which PublishTests runs as it is (but for the output folder).</summary>
    private static string PublishCommand() => DockerfileModel.PublishCommand(Dockerfile);

    private static Match PublishOutput() => Regex.Match(PublishCommand(), @"-o \S+");

    private static Dictionary<string, object> LoadCompose()
    {
        using var reader = new StringReader(File.ReadAllText(DeployFiles.Compose));
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return document.ToDictionary(p => (string)p.Key, p => p.Value);
    }

    private static string DependsOn(Dictionary<object, object> service, string other) =>
        (string)((Dictionary<object, object>)((Dictionary<object, object>)service["depends_on"])[other])["condition"];

    /// <summary>A service's environment, with compose's <c>${NAME:-default}</c> taken at its default.</summary>
    private static Dictionary<string, string> Environment(Dictionary<object, object> service) =>
        ((Dictionary<object, object>)service["environment"]).ToDictionary(
            p => (string)p.Key,
            p => ComposeDefault().Replace((string)p.Value, m => m.Groups[1].Value));

    /// <summary>The names a pattern of a .dockerignore matches (a directory's match covers what is below it).</summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        var parts = path.Split('/');
        for (var i = 1; i <= parts.Length; i++) yield return string.Join('/', parts[..i]);
    }

    private static Regex GlobRegex(string pattern) => new(
        "^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$",
        RegexOptions.CultureInvariant);

    [GeneratedRegex(@"(^|/)(bin|obj|node_modules|dist)/|schema\.received\.graphql$")]
    private static partial Regex BuildOutput();

    [GeneratedRegex(@"\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\}")]
    private static partial Regex ComposeDefault();
}
