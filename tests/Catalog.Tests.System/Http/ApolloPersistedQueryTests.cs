using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Http;

/// <summary>
/// Apollo Client from npm (<c>@apollo/client</c> with its persisted-queries link; installed by the project's build) against
/// the service started as its own process, the way an app meets it: hashed queries by GET and by POST.
/// </summary>
public sealed class ApolloPersistedQueryTests
{
    private static string ApolloDirectory => Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "tests", "Catalog.Tests.System", "Http", "apollo");

    [Fact]
    public async Task Apollo_client_sends_the_hash_then_the_query_once_and_afterwards_the_hash_alone_by_get_and_by_post()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = await TestPostgres.CreateDatabaseAsync(),
        });
        var runs = await RunApolloAsync(new Uri(service.Address, "graphql"), Guid.NewGuid().ToString("N"));

        foreach (var name in new[] { "get", "post" })
        {
            var first = runs.Single(r => (string?)r["name"] == name && (string?)r["attempt"] == "first");
            var second = runs.Single(r => (string?)r["name"] == name && (string?)r["attempt"] == "second");
            Assert.Equal("Istio", (string?)first["data"]!["technology"]!["name"]);
            Assert.Equal("Istio", (string?)second["data"]!["technology"]!["name"]);

            // First the hash alone, which the service does not know; then the query with its hash, by POST.
            var hashedMethod = name == "get" ? "GET" : "POST";
            Assert.Equal([(hashedMethod, false, true), ("POST", true, true)], Requests(first));
            // Afterwards the hash alone is enough.
            Assert.Equal([(hashedMethod, false, true)], Requests(second));
            Assert.Equal(200, (int)second["requests"]![0]!["status"]!);
        }
    }

    private static List<(string Method, bool HasQuery, bool HasHash)> Requests(JsonNode run) =>
        run["requests"]!.AsArray().Select(r => ((string)r!["method"]!, (bool)r["hasQuery"]!, (bool)r["hasHash"]!)).ToList();

    private static async Task<List<JsonNode>> RunApolloAsync(Uri endpoint, string marker)
    {
        Tools.Require("node");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ApolloDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("apq.mjs");
        start.ArgumentList.Add(endpoint.ToString());
        start.ArgumentList.Add(marker);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            try
            {
                await node.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                node.Kill(entireProcessTree: true);
                throw new TimeoutException("Apollo Client did not finish in a minute.");
            }
        }
        Assert.True(node.ExitCode == 0, $"node apq.mjs exited with {node.ExitCode}:\n{await errors}\n{await output}");
        return JsonSerializer.Deserialize<List<JsonNode>>(await output) ?? throw new InvalidOperationException("Apollo Client printed nothing.");
    }
}
