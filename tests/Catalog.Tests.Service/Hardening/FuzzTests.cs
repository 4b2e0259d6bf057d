using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Catalog.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Catalog.Tests.Hardening;

/// <summary>Generated and mutated documents and variables, from a fixed seed: never a 5xx, never an unhandled error.</summary>
public sealed class FuzzTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    private static readonly string[] Seeds =
    [
        Attack.NormalQuery,
        """query($s: String!) { technology(slug: $s) { name definition(lang: JA) aliases { text kind } } }""",
        """{ technologies(first: 5, after: "abc") { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }""",
        """{ search(text: "kube", first: 3) { score item { __typename } } }""",
        """{ glossary(lang: EN) { slug terms } }""",
        """{ nodes(ids: ["VGVjaG5vbG9neTox", "x"]) { id } }""",
        """mutation { addTechnologyAlias(input: { technology: "istio", alias: "x" }) { slug } }""",
        IntrospectionQuery.Full,
    ];

    private static readonly string[] Pieces = ["{", "}", "(", ")", "[", "]", ":", "$", "!", "...", "@include(if: true)", "\"", "\\u0000", "first: -1", "first: 100000",
        "after: \"\"", "null", "1e309", "__typename", "fragment F on Query { x }", "query", "mutation", "subscription", "#", "\n", "ロケット", "\uD800", "slug: 1"];

    [Fact]
    public async Task Thousands_of_mutated_requests_get_no_5xx()
    {
        var random = new Random(20180419);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var statuses = new Dictionary<int, int>();
        while (sent < 3000 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var body = Mutate(random);
            var response = await Attack.PostRawAsync(api.Client, body, random.Next(20) == 0 ? "text/plain" : "application/json");
            var status = (int)response.Status;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{status} for {body}: {response.Json?.ToJsonString()}");
            Assert.DoesNotContain("INTERNAL_ERROR", response.Json?.ToJsonString() ?? "", StringComparison.Ordinal);
            sent++;
        }
        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(sent >= 500, $"Only {sent} requests were sent.");
        await Attack.AssertNormalQueryWorksAsync(api);
    }

    private static string Mutate(Random random)
    {
        var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
        for (var edits = random.Next(1, 6); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0: text.Insert(at, Pieces[random.Next(Pieces.Length)]); break;
                case 1: if (at < text.Length) text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)); break;
                case 2: if (at < text.Length) text[at] = (char)random.Next(32, 127); break;
                default: text.Insert(at, text.ToString(0, Math.Min(at, 40))); break;
            }
        }
        object? variables = random.Next(5) switch
        {
            0 => new { s = "k8s" },
            1 => new { s = 12 },
            2 => new { s = new[] { 1, 2 }, extra = new { a = (string?)null } },
            3 => null,
            _ => new { s = new string('a', random.Next(0, 500)) },
        };
        var body = JsonSerializer.Serialize(new { query = text.ToString(), variables });
        return random.Next(10) switch
        {
            0 => body[..random.Next(body.Length)],
            1 => body.Replace("\"query\"", "\"query\":1,\"x\"", StringComparison.Ordinal),
            _ => body,
        };
    }
}
