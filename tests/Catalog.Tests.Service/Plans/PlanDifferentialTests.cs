using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Api.Graph.Plans;
using Catalog.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Tests.Plans;

/// <summary>
/// Execution plans answer with the very bytes GraphQL.NET's execution gives: the same request is sent to the service
/// (plans on) and to a second instance on the same database with <c>Catalog:ExecutionPlans</c> off, for the IDE's
/// example operations, the benchmark's four queries and thousands of generated operations, and status, media type
/// and body must be equal. Each request carries a nonce, so that no answer comes from the response cache.
/// </summary>
public sealed partial class PlanDifferentialTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>, IAsyncLifetime
{
    private WebApplicationFactory<Program> _reference = null!;
    private HttpClient _referenceClient = null!;
    private int _nonce;

    private PlannedExecutionStrategy Plans => api.Services.GetRequiredService<PlannedExecutionStrategy>();

    public async Task InitializeAsync()
    {
        _reference = api.WithWebHostBuilder(b => b.UseSetting("Catalog:ExecutionPlans", "false"));
        _referenceClient = _reference.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var snapshots = _reference.Services.GetRequiredService<Catalog.Api.Snapshot.CatalogSnapshots>();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); !snapshots.IsListening; await Task.Delay(20))
            Assert.True(DateTime.UtcNow < deadline, "The reference instance did not build its catalog snapshot within 60 s.");
        Assert.Null(_reference.Services.GetService<PlannedExecutionStrategy>());
    }

    public async Task DisposeAsync()
    {
        _referenceClient.Dispose();
        await _reference.DisposeAsync();
    }

    [Fact]
    public async Task The_ide_examples_are_planned_and_answered_byte_for_byte_as_graphql_dotnet_answers_them()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "src", "Catalog.Ide", "src");
        var examples = ExampleLiteral().Matches(File.ReadAllText(Path.Combine(folder, "examples.ts")))
            .Concat(ExampleLiteral().Matches(File.ReadAllText(Path.Combine(folder, "graph", "examples.ts"))))
            .Select(m => (Name: m.Groups["name"].Value, Query: m.Groups["query"].Value, Variables: m.Groups["variables"].Success ? m.Groups["variables"].Value : null))
            .ToList();
        Assert.True(examples.Count >= 7, $"only {examples.Count} examples were found");
        foreach (var (name, query, variables) in examples)
        {
            var planned = Plans.Planned;
            await AssertSameAnswerAsync(query, variables, name);
            Assert.True(Plans.Planned == planned + 1, $"'{name}' was not answered by a plan");
        }
    }

    [Fact]
    public async Task The_benchmarks_queries_are_planned_and_answered_byte_for_byte_as_graphql_dotnet_answers_them()
    {
        var file = Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "tests", "bench", "queries.mjs");
        var queries = BenchQuery().Matches(File.ReadAllText(file)).ToList();
        Assert.Equal(4, queries.Count);
        foreach (var match in queries)
        {
            // The file's variables are JavaScript object literals of names, strings in single quotes and numbers.
            var variables = JsLiteralKey().Replace(match.Groups["variables"].Value, "\"$1\":").Replace('\'', '"');
            var planned = Plans.Planned;
            var body = await AssertSameAnswerAsync(match.Groups["query"].Value, variables, match.Groups["query"].Value[..20]);
            Assert.True(Plans.Planned == planned + 1, $"{match.Groups["query"].Value[..20]} was not answered by a plan");
            Assert.DoesNotContain("\"errors\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Thousands_of_generated_operations_are_answered_byte_for_byte_as_graphql_dotnet_answers_them()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        var ids = await GlobalIdsAsync();
        var random = new Random(20180419);
        int planned0 = (int)Plans.Planned, fellBack0 = (int)Plans.FellBack, withErrors = 0, withNulls = 0;
        const int Count = 2000;
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var (query, variables) = SelectionGenerator.Next(schema, random, ids);
            var body = await AssertSameAnswerAsync(query, variables, $"operation {i}");
            if (JsonNode.Parse(body)!["errors"] is JsonArray errors)
            {
                withErrors++;
                foreach (var code in errors.Select(e => (string?)e!["extensions"]?["code"] ?? "?").Distinct()) codes[code] = codes.GetValueOrDefault(code) + 1;
            }
            if (body.Contains(":null", StringComparison.Ordinal)) withNulls++;
        }
        var planned = (int)Plans.Planned - planned0;
        var fellBack = (int)Plans.FellBack - fellBack0;
        output.WriteLine($"{Count} operations: {planned} planned, {fellBack} fell back to GraphQL.NET, {withErrors} answered with errors ({string.Join(", ", codes.Select(c => $"{c.Key} {c.Value}"))}), {withNulls} with nulls.");
        // The generator must reach every path: most answers planned, some errors met by plans, nulls written by them.
        Assert.True(planned >= Count / 2, $"only {planned} of {Count} were planned");
        Assert.True(fellBack > 0, "no planned operation met an error");
        Assert.True(withErrors > 0 && withNulls > 0, $"{withErrors} answers with errors, {withNulls} with nulls");
    }

    [Theory]
    [InlineData("""{ __schema { queryType { name } } }""")]
    [InlineData("""{ technology(slug: "istio") { name } __type(name: "Technology") { name } }""")]
    [InlineData("""{ technology(slug: "istio") { name } version { commit } }""")]
    [InlineData("""mutation { addTechnologyAlias(input: { technology: "istio", alias: "x" }) { slug } }""")]
    [InlineData("""{ technology(slug: "istio") @deprecated { name } }""")]
    public async Task What_plans_do_not_cover_goes_to_graphql_dotnet(string query)
    {
        var planned = Plans.Planned;
        var fellBack = Plans.FellBack;
        await AssertSameAnswerAsync(query, null, query);
        Assert.Equal(planned, Plans.Planned);
        Assert.Equal(fellBack, Plans.FellBack);
    }

    [Theory]
    [InlineData("""{ search(query: "") { score } }""", "BAD_QUERY")]
    [InlineData("""{ technology(slug: "istio") { name } search(query: "kube", first: 51) { score } }""", "BAD_PAGE_SIZE")]
    [InlineData("""{ path(from: "istio", to: "no-such-technology") { length } }""", "NOT_FOUND")]
    [InlineData("""{ glossary(after: "no-such-slug") { slug } }""", "BAD_CURSOR")]
    public async Task A_covered_query_that_meets_an_error_is_answered_by_graphql_dotnet(string query, string code)
    {
        var planned = Plans.Planned;
        var fellBack = Plans.FellBack;
        var body = await AssertSameAnswerAsync(query, null, query);
        Assert.Equal(code, (string?)JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(planned, Plans.Planned);
        Assert.Equal(fellBack + 1, Plans.FellBack);
    }

    /// <summary>Sends one request to both instances and asserts the same status, media type and bytes; returns the body.</summary>
    private async Task<string> AssertSameAnswerAsync(string query, string? variables, string what)
    {
        var nonce = Interlocked.Increment(ref _nonce);
        var request = new JsonObject
        {
            ["query"] = query,
            ["variables"] = variables is null ? null : JsonNode.Parse(variables),
            ["extensions"] = new JsonObject { ["nonce"] = nonce },
        }.ToJsonString();
        var (status, type, body) = await SendAsync(api.Client, request);
        var (referenceStatus, referenceType, referenceBody) = await SendAsync(_referenceClient, request);
        if (referenceBody != body)
            Assert.Fail($"{what}: the answers differ.\nrequest: {request}\nplanned:   {Cut(body)}\nreference: {Cut(referenceBody)}");
        Assert.Equal(referenceStatus, status);
        Assert.Equal(referenceType, type);
        return body;
    }

    private static string Cut(string text) => text.Length > 2000 ? text[..2000] + "..." : text;

    private static async Task<(int Status, string? Type, string Body)> SendAsync(HttpClient client, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    // Global IDs of objects of several types, and one that names nothing.
    private async Task<List<string>> GlobalIdsAsync()
    {
        var data = await api.DataAsync("""
            { technology(slug: "k8s") { id aliases { id } categories { id } talks { id event { id } speakers { id } organizations { id } mentions { id section { id } } } } }
            """);
        var ids = Regex.Matches(data.ToJsonString(), "\"id\":\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(ids.Count >= 10, $"only {ids.Count} ids");
        ids.Add("bm90aGluZzox");
        return ids;
    }

    [GeneratedRegex(@"name:\s*'(?<name>[^']*)',\s*query:\s*`(?<query>[^`]*)`,(?:\s*variables:\s*`(?<variables>[^`]*)`,)?")]
    private static partial Regex ExampleLiteral();

    [GeneratedRegex(@"catalog:\s*\{\s*query:\s*`(?<query>[^`]*)`,\s*variables:\s*(?<variables>\{[^}]*\}),")]
    private static partial Regex BenchQuery();

    [GeneratedRegex(@"(\w+):")]
    private static partial Regex JsLiteralKey();
}
