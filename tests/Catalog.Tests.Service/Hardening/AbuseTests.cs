using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Api;
using Catalog.Api.Graph.Limits;
using Catalog.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Catalog.Tests.Hardening;

/// <summary>
/// Each attack shape gets a clear error with a stable code, runs no SQL, and leaves the service answering a
/// normal query at once.
/// </summary>
public sealed partial class AbuseTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    public static TheoryData<string, string, string> Attacks => new()
    {
        { "deep nesting", Nested(12), ErrorCodes.MaxDepth },
        { "alias overloading", "{ " + string.Join(' ', Enumerable.Range(0, 16).Select(i => $"a{i}: technology(slug: \"istio\") {{ name }}")) + " }", ErrorCodes.MaxAliases },
        { "field duplication", "{ technologies(first: 100) { nodes { " + string.Concat(Enumerable.Repeat("name ", 3000)) + "} } }", ErrorCodes.MaxTokens },
        { "fragment cycle", "{ technology(slug: \"istio\") { ...A } } fragment A on Technology { talks { ...B } } fragment B on Talk { technologies { ...A } }", "NO_FRAGMENT_CYCLES" },
        { "many operations", string.Concat(Enumerable.Range(0, 600).Select(i => $"query q{i} {{ __typename }} ")), ErrorCodes.MaxTokens },
        { "directive overloading", "{ __typename " + string.Concat(Enumerable.Repeat("@include(if: true) ", 60)) + "}", ErrorCodes.MaxDirectives },
        { "huge document", "{ __typename }" + new string(' ', 30_000), ErrorCodes.DocumentTooLarge },
        { "circular introspection", "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", ErrorCodes.MaxDepth },
        { "complexity", "{ technologies(first: 100) { nodes { talks { technologies { talks { technologies { talks { technologies { name } } } } } } } } }", ErrorCodes.MaxComplexity },
        { "fragment bomb", FragmentBomb(), ErrorCodes.MaxDepth },
        { "fragment doubling", FragmentDoubling.Spreads, ErrorCodes.MaxFields },
        { "fragment doubling through inline fragments", FragmentDoubling.InlineFragments, ErrorCodes.MaxFields },
        { "fragment doubling with aliases", FragmentDoubling.Aliases, ErrorCodes.MaxFields },
        { "fragment doubling under a list field", FragmentDoubling.UnderAList, ErrorCodes.MaxFields },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Each_attack_gets_its_clear_error_before_any_sql_and_a_normal_query_still_works(string attack, string query, string code)
    {
        Attack.Response response = null!;
        var commands = await api.CountCommandsAsync(async () => response = await Attack.PostAsync(api.Client, query));

        Assert.True(response.Code == code, $"{attack}: expected {code}, got {response.Json?.ToJsonString()[..Math.Min(400, response.Json.ToJsonString().Length)]}");
        Assert.Null(response.Json!["data"]);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(0, commands);
        output.WriteLine($"{attack}: {code} in {response.Elapsed.TotalMilliseconds:0.0} ms");
        await Attack.AssertNormalQueryWorksAsync(api);
    }

    [Fact]
    public async Task A_cached_document_is_costed_again_with_each_requests_variables()
    {
        // Cheap with first: 1, so it passes validation and its document is cached; with first: 100 it costs past the
        // limit, and a repeat of the same text must not skip that check.
        var query = $"query Costly{Guid.NewGuid():N}($n: Int) {{ technologies(first: $n) {{ nodes {{ talks {{ technologies {{ talks {{ technologies {{ talks {{ technologies {{ name }} }} }} }} }} }} }} }} }}";
        var cheap = await Attack.PostAsync(api.Client, query, new { n = 1 });
        Assert.Null(cheap.Json!["errors"]);

        Attack.Response costly = null!;
        var commands = await api.CountCommandsAsync(async () => costly = await Attack.PostAsync(api.Client, query, new { n = 100 }));
        Assert.Equal(ErrorCodes.MaxComplexity, costly.Code);
        Assert.Equal(HttpStatusCode.BadRequest, costly.Status);
        Assert.Null(costly.Json!["data"]);
        Assert.Equal(0, commands);
    }

    [Fact]
    public async Task Fragment_doubling_is_refused_at_once_keeps_no_memory_and_does_not_delay_a_read()
    {
        string[] shapes = [FragmentDoubling.Spreads, FragmentDoubling.InlineFragments, FragmentDoubling.Aliases, FragmentDoubling.UnderAList];
        await Attack.PostAsync(api.Client, FragmentDoubling.Spreads);
        await Attack.PostAsync(api.Client, Attack.NormalQuery);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var shape in shapes)
        {
            var response = await Attack.PostAsync(api.Client, shape);
            Assert.Equal(ErrorCodes.MaxFields, response.Code);
            Assert.Contains("(MaxFields)", response.Message0, StringComparison.Ordinal);
            Assert.True(response.Elapsed < TimeSpan.FromMilliseconds(100), $"refused in {response.Elapsed.TotalMilliseconds:0.0} ms");
            output.WriteLine($"{shape.Length} characters: {response.Code} in {response.Elapsed.TotalMilliseconds:0.0} ms");
        }
        for (var i = 0; i < 20; i++) await Attack.PostAsync(api.Client, shapes[i % shapes.Length]);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"managed memory {before / 1e6:0.0} MB before 24 refusals, {after / 1e6:0.0} MB after");
        Assert.True(after - before < 16_000_000, $"{(after - before) / 1e6:0.0} MB kept");

        var alone = await Attack.PostAsync(api.Client, Attack.NormalQuery);
        var attacks = shapes.Select(shape => Attack.PostAsync(api.Client, shape)).ToList();
        var beside = await Attack.PostAsync(api.Client, Attack.NormalQuery);
        await Task.WhenAll(attacks);
        Assert.Null(beside.Json!["errors"]);
        output.WriteLine($"a read alone {alone.Elapsed.TotalMilliseconds:0.0} ms, beside four attacks {beside.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(beside.Elapsed - alone.Elapsed < TimeSpan.FromMilliseconds(100), $"delayed by {(beside.Elapsed - alone.Elapsed).TotalMilliseconds:0.0} ms");
    }

    [Fact]
    public async Task Limit_messages_name_the_limit_and_the_value()
    {
        var depth = await Attack.PostAsync(api.Client, Nested(12));
        var aliases = await Attack.PostAsync(api.Client, "{ " + string.Join(' ', Enumerable.Range(0, 16).Select(i => $"a{i}: __typename")) + " }");

        Assert.Contains("(MaxDepth) is 10", depth.Message0, StringComparison.Ordinal);
        Assert.Contains("13 levels", depth.Message0, StringComparison.Ordinal);
        Assert.Equal("The document uses 16 aliases; the limit (MaxAliases) is 15.", aliases.Message0);
    }

    [Fact]
    public async Task A_batch_of_operations_as_a_json_array_is_refused()
    {
        var batch = "[" + string.Join(',', Enumerable.Repeat("""{"query":"{ technology(slug: \"istio\") { name } }"}""", 100)) + "]";
        Attack.Response response = null!;
        var commands = await api.CountCommandsAsync(async () => response = await Attack.PostRawAsync(api.Client, batch, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BATCHING_NOT_SUPPORTED", response.Code);
        Assert.Equal(0, commands);
        await Attack.AssertNormalQueryWorksAsync(api);
    }

    [Fact]
    public async Task An_oversized_body_or_oversized_variables_get_413_before_anything_runs()
    {
        var big = new string('x', 150_000);
        Attack.Response variables = null!, body = null!;
        var commands = await api.CountCommandsAsync(async () =>
        {
            variables = await Attack.PostAsync(api.Client, "query($s: String!) { technology(slug: $s) { name } }", new { s = big });
            body = await Attack.PostAsync(api.Client, "# " + big + "\n{ __typename }");
        });

        foreach (var response in new[] { variables, body })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
            Assert.Equal(ErrorCodes.BodyTooLarge, response.Code);
            Assert.Contains("(MaxBodyBytes) is 100000", response.Message0, StringComparison.Ordinal);
        }
        Assert.Equal(0, commands);
        await Attack.AssertNormalQueryWorksAsync(api);
    }

    [Fact]
    public async Task Deeply_nested_variables_are_refused_as_bad_json()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 2000)) + string.Concat(Enumerable.Repeat("]", 2000));
        var body = $$$"""{"query":"query($s: String!) { technology(slug: $s) { name } }","variables":{"s":{{{nested}}}}}""";
        Attack.Response response = null!;
        var commands = await api.CountCommandsAsync(async () => response = await Attack.PostRawAsync(api.Client, body, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.Code);
        Assert.Equal(0, commands);
        await Attack.AssertNormalQueryWorksAsync(api);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    public async Task Wrong_content_types_get_415(string contentType)
    {
        Attack.Response response = null!;
        var commands = await api.CountCommandsAsync(async () =>
            response = await Attack.PostRawAsync(api.Client, """{"query":"{ technology(slug: \"istio\") { name } }"}""", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.Code);
        Assert.Equal(0, commands);
        await Attack.AssertNormalQueryWorksAsync(api);
    }

    [Fact]
    public async Task The_ides_full_introspection_query_passes()
    {
        var response = await Attack.PostAsync(api.Client, IntrospectionQuery.Full);

        Assert.True(response.Json!["errors"] is null, response.Json.ToJsonString());
        Assert.Equal("Query", (string?)response.Json["data"]!["__schema"]!["queryType"]!["name"]);
    }

    [Fact]
    public async Task Every_example_operation_of_the_ide_passes()
    {
        var source = await File.ReadAllTextAsync(Path.Combine(Seeds.Repository, "..", "src", "Catalog.Ide", "src", "examples.ts"));
        var examples = ExampleBlock().Matches(source);
        Assert.NotEmpty(examples);
        foreach (Match example in examples)
        {
            var variables = example.Groups["variables"].Success
                ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(example.Groups["variables"].Value)
                : null;
            var response = await Attack.PostAsync(api.Client, example.Groups["query"].Value, variables);
            Assert.True(response.Json!["errors"] is null, $"{example.Groups["name"].Value}: {response.Json.ToJsonString()}");
            Assert.NotNull(response.Json["data"]);
        }
    }

    [Fact]
    public async Task A_connection_within_the_page_size_and_depth_limits_passes()
    {
        var data = await api.DataAsync("{ technologies(first: 100) { nodes { name aliases { text } categories { name } talks { title speakers { name } } } } }");

        Assert.True(data["technologies"]!["nodes"]!.AsArray().Count > 50);
    }

    /// <summary>technology → talks → technologies → ... until <paramref name="levels"/> selection sets deep, plus the leaf.</summary>
    private static string Nested(int levels)
    {
        var text = new StringBuilder("{ technology(slug: \"istio\") { ");
        for (var i = 1; i < levels; i++) text.Append(i % 2 == 1 ? "talks { " : "technologies { ");
        text.Append("name ");
        for (var i = 0; i < levels; i++) text.Append("} ");
        return text.Append('}').ToString();
    }

    private static string FragmentBomb()
    {
        // Each fragment spreads the next twice (as two inline fragments): 2^40 paths if walked naively.
        var text = new StringBuilder("{ __schema { types { ...F0 } } }\n");
        for (var i = 0; i < 40; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{i} on __Type {{ fields {{ type {{ ... on __Type {{ ...F{i + 1} }} ... on __Type {{ ...F{i + 1} }} }} }} }}\n");
        return text.Append("fragment F40 on __Type { name }").ToString();
    }

    [GeneratedRegex(@"name: '(?<name>[^']*)',\s*query: `(?<query>[^`]*)`(?:,\s*variables: `(?<variables>[^`]*)`)?", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
