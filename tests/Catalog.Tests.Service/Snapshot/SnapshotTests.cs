using System.Diagnostics;
using Catalog.Api.Health;
using Catalog.Api.Snapshot;
using Catalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Catalog.Tests.Snapshot;

/// <summary>The in-memory snapshot follows the database: every change arrives, and a request reads one version.</summary>
public sealed class SnapshotTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    [Fact]
    public async Task A_change_committed_by_another_client_is_served_within_a_second()
    {
        var snapshots = api.Services.GetRequiredService<CatalogSnapshots>();
        var before = snapshots.Current!.Version;
        var homepage = "https://calico.example/" + Guid.NewGuid().ToString("N");
        await ConsoleAsync("UPDATE technologies SET homepage = @v WHERE slug = 'calico'", homepage);
        var committed = Stopwatch.StartNew();

        string? served = null;
        while (served != homepage && committed.Elapsed < TimeSpan.FromSeconds(1))
        {
            served = (string?)(await api.DataAsync("""{ technology(slug: "calico") { homepage } }"""))["technology"]!["homepage"];
            if (served != homepage) await Task.Delay(10);
        }
        output.WriteLine($"Served {committed.ElapsedMilliseconds} ms after the commit.");
        Assert.Equal(homepage, served);
        Assert.True(snapshots.Current!.Version > before);
    }

    [Fact]
    public async Task A_request_reads_one_version_while_changes_keep_arriving()
    {
        // Two ends of a wide query read the same value, while another client keeps changing it.
        const string query = """
            { a: technology(slug: "flannel") { homepage }
              talks(first: 100) { nodes { title speakers { name talks { title } } technologies { name categories { name } talks { title } } mentions { line lineText } } }
              glossary(lang: JA) { slug definition }
              b: technology(slug: "flannel") { homepage } }
            """;
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await ConsoleAsync("UPDATE technologies SET homepage = @v WHERE slug = 'flannel'", "https://flannel.example/" + Interlocked.Increment(ref writes));
                await Task.Delay(5);
            }
        });
        var seen = new HashSet<string?>();
        try
        {
            for (var i = 0; i < 60 || seen.Count < 3; i++)
            {
                Assert.True(i < 600, $"Only {seen.Count} versions seen in {i} requests.");
                var data = await api.DataAsync(query);
                var (a, b) = ((string?)data["a"]!["homepage"], (string?)data["b"]!["homepage"]);
                Assert.Equal(a, b);
                seen.Add(a);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
        output.WriteLine($"{writes} writes, {seen.Count} versions seen.");
    }

    [Fact]
    public async Task A_replica_that_never_built_a_snapshot_is_not_ready()
    {
        // A database that never answers: the snapshot store exists but has nothing to serve.
        var dead = new NpgsqlConnectionStringBuilder(api.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 1 }.ConnectionString;
        using var snapshots = new CatalogSnapshots(TestPostgres.Factory(dead), TimeProvider.System, NullLogger<CatalogSnapshots>.Instance);
        await Assert.ThrowsAnyAsync<Exception>(() => snapshots.RefreshAsync(CancellationToken.None));

        var health = await new SnapshotHealthCheck(snapshots, TimeProvider.System).CheckHealthAsync(new HealthCheckContext());

        Assert.Null(snapshots.Current);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
    }

    [Fact]
    public async Task A_write_answers_with_its_own_change()
    {
        var key = await api.Services.GetRequiredService<Catalog.Api.Auth.ApiKeys>().CreateAsync("snapshot-tests");
        var alias = "kyari-" + Guid.NewGuid().ToString("N")[..8];
        var response = await Hardening.Attack.PostAsync(api.Client,
            $$"""mutation { addTechnologyAlias(input: { technology: "calico", alias: "{{alias}}", kind: NOTES_SPELLING }) { slug aliases { text } } }""",
            headers: [("Authorization", "Bearer " + key)]);
        Assert.Null(response.Json!["errors"]);
        Assert.Contains(alias, response.Json["data"]!["addTechnologyAlias"]!["aliases"]!.AsArray().Select(a => (string?)a!["text"]));
        Assert.Equal("calico", (string?)(await api.DataAsync($$"""{ technology(slug: "{{alias}}") { slug } }"""))["technology"]!["slug"]);
    }

    [Fact]
    public async Task A_change_whose_build_fails_arrives_without_another_change_once_it_can_be_built()
    {
        var snapshots = api.Services.GetRequiredService<CatalogSnapshots>();
        var health = new SnapshotHealthCheck(snapshots, TimeProvider.System);
        var homepage = "https://calico.example/" + Guid.NewGuid().ToString("N");
        // A column the snapshot reads is away: builds fail while the listener goes on hearing every change.
        await ConsoleAsync("ALTER TABLE technology_definitions RENAME COLUMN source_url TO source_url_away");
        try
        {
            await ConsoleAsync("UPDATE technologies SET homepage = @v WHERE slug = 'calico'", homepage);
            var deadline = Stopwatch.StartNew();
            var report = await health.CheckHealthAsync(new HealthCheckContext());
            while (report.Status != HealthStatus.Degraded && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
                report = await health.CheckHealthAsync(new HealthCheckContext());
            }
            Assert.Equal(HealthStatus.Degraded, report.Status);
            Assert.Contains("could not be built", report.Description, StringComparison.Ordinal);
            Assert.True(report.Data.ContainsKey("buildFailedAt"));
            Assert.NotEqual(homepage, await CalicoHomepageAsync());
        }
        finally
        {
            await ConsoleAsync("ALTER TABLE technology_definitions RENAME COLUMN source_url_away TO source_url");
        }

        // Nothing else is written: the failed build is tried again on its own.
        var repaired = Stopwatch.StartNew();
        while ((await CalicoHomepageAsync() != homepage || snapshots.FailedAt is not null) && repaired.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(50);
        output.WriteLine($"Served {repaired.ElapsedMilliseconds} ms after the column came back.");
        Assert.Equal(homepage, await CalicoHomepageAsync());
        Assert.Null(snapshots.FailedAt);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private async Task<string?> CalicoHomepageAsync() =>
        (string?)(await api.DataAsync("""{ technology(slug: "calico") { homepage } }"""))["technology"]!["homepage"];

    private async Task ConsoleAsync(string sql)
    {
        await using var console = new NpgsqlConnection(api.ConnectionString);
        await console.OpenAsync();
        await using var command = new NpgsqlCommand(sql, console);
        await command.ExecuteNonQueryAsync();
    }

    private async Task ConsoleAsync(string sql, string value)
    {
        await using var console = new NpgsqlConnection(api.ConnectionString);
        await console.OpenAsync();
        await using var command = new NpgsqlCommand(sql, console);
        command.Parameters.AddWithValue("v", value);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
