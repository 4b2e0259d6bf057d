using System.Diagnostics;
using System.Text.Json;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Http;

/// <summary>
/// The graphql-http audit suite (GraphQL over HTTP conformance, from npm; installed by the project's build) run
/// against the service started as its own process, the way clients meet it.
/// </summary>
public sealed class GraphQLHttpAuditTests
{
    /// <summary>
    /// SHOULD audits allowed to fail, by id, each with the reason. Empty: every SHOULD passes. The list must match
    /// exactly, so a new failure and a fix are both noticed.
    /// </summary>
    private static readonly string[] AllowedShouldFailures = [];

    /// <summary>MAY audits allowed to fail, by id, each with the reason. Empty: every MAY passes too.</summary>
    private static readonly string[] AllowedMayFailures = [];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string AuditDirectory => Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "tests", "Catalog.Tests.System", "Http", "audit");

    [Fact]
    public async Task The_graphql_http_audit_passes_every_must_and_should_against_the_running_service()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = await TestPostgres.CreateDatabaseAsync(),
        });
        var endpoint = new Uri(service.Address, "graphql");

        // Twice: the second pass meets the documents the first one left in the document cache.
        foreach (var pass in new[] { "first pass", "second pass (cached documents)" })
        {
            var results = await RunAuditAsync(endpoint);
            Assert.Contains(results, r => r.Level == "MUST");
            Assert.Contains(results, r => r.Level == "SHOULD");

            var mustFailures = results.Where(r => r.Level == "MUST" && r.Status != "ok").ToList();
            Assert.True(mustFailures.Count == 0, $"{pass}: {mustFailures.Count} MUST audit(s) failed:\n{Describe(mustFailures)}");

            AssertFailuresMatch(pass, "SHOULD", AllowedShouldFailures, results);
            AssertFailuresMatch(pass, "MAY", AllowedMayFailures, results);
        }
    }

    private static void AssertFailuresMatch(string pass, string level, string[] allowed, List<AuditResult> results)
    {
        var failures = results.Where(r => r.Level == level && r.Status != "ok").OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var failing = failures.Select(r => r.Id).ToList();
        Assert.True(failing.SequenceEqual(allowed.Order(StringComparer.Ordinal)),
            $"{pass}: the failing {level} audits are [{string.Join(", ", failing)}], the allowed ones [{string.Join(", ", allowed)}].\n{Describe(failures)}");
    }

    private static string Describe(IEnumerable<AuditResult> failures) =>
        string.Join("\n", failures.Select(f => $"  {f.Id} {f.Name}: {f.Reason} (HTTP {f.ResponseStatus}) {f.ResponseBody}"));

    private static async Task<List<AuditResult>> RunAuditAsync(Uri endpoint)
    {
        Tools.Require("node");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = AuditDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("audit.mjs");
        start.ArgumentList.Add(endpoint.ToString());
        using var node = Start(start);
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            try
            {
                await node.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                node.Kill(entireProcessTree: true);
                throw new TimeoutException("The graphql-http audit did not finish in two minutes.");
            }
        }
        Assert.True(node.ExitCode == 0, $"node audit.mjs exited with {node.ExitCode}:\n{await errors}\n{await output}");
        return JsonSerializer.Deserialize<List<AuditResult>>(await output, JsonOptions)
            ?? throw new InvalidOperationException("The audit printed no results.");
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node was not found on PATH: the audit needs Node.js (Debian: apt-get install nodejs npm).", e);
        }
    }

    private sealed record AuditResult(string Id, string Name, string Level, string Status, string? Reason, int? ResponseStatus, string? ResponseBody);
}
