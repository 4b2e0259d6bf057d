using System.Text.Json.Nodes;
using Catalog.Api.Auth;
using Catalog.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Tests.Hardening;

/// <summary>
/// Every string argument of the schema, at the root and inside input objects, given hostile text (NUL, other control
/// characters, lone surrogates, bidirectional overrides, stacked combining marks, 10,000 characters): a clear error with
/// a code, or an ordinary answer (a look-up that finds nothing), never INTERNAL_ERROR or a 5xx.
/// </summary>
public sealed class HostileStringTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    private static readonly string[] Hostile =
    [
        "\u0000", "istio\u0000", "\u0007bell", "\u001b[31m", "\u007f", "\uD800", "x\uDC00", "\uDBFF\uDBFF",
        "\u202Eoitsi", "\u200Bistio", "i\u0301\u0301\u0301\u0301stio", new string('a', 10_000), new string('ロ', 10_000),
    ];

    [Fact]
    public async Task Every_string_argument_refuses_or_ignores_hostile_text_with_a_code()
    {
        var key = await api.Services.GetRequiredService<ApiKeys>().CreateAsync("hostile-strings");
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var codes = new Dictionary<string, int>();
        var calls = 0;
        foreach (var (operation, root) in new[] { ("query", schema.Query), ("mutation", (IObjectGraphType?)schema.Mutation) })
        {
            foreach (var field in root!.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                foreach (var (path, variables) in Targets(field))
                {
                    foreach (var hostile in Hostile)
                    {
                        var (document, values) = Call(operation, field, path, hostile, variables);
                        var response = await Attack.PostAsync(api.Client, document, values, headers: [("Authorization", "Bearer " + key)]);
                        calls++;
                        var where = $"{field.Name}({string.Join('.', path)}) with {Describe(hostile)}";
                        Assert.True((int)response.Status < 500, $"{where}: {(int)response.Status}");
                        Assert.NotNull(response.Json);
                        foreach (var error in response.Json!["errors"]?.AsArray() ?? [])
                        {
                            var code = (string?)error!["extensions"]?["code"];
                            Assert.False(string.IsNullOrEmpty(code), $"{where}: an error without a code: {error.ToJsonString()}");
                            Assert.True(code != "INTERNAL_ERROR", $"{where}: {error.ToJsonString()}");
                            codes[code!] = codes.GetValueOrDefault(code!) + 1;
                        }
                    }
                }
            }
        }
        output.WriteLine($"{calls} calls: " + string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}")));
        Assert.True(calls > 100, $"Only {calls} calls were made: the schema walk found too few string arguments.");
        Assert.Contains("INVALID_TEXT", codes.Keys);
        await Attack.AssertNormalQueryWorksAsync(api);
    }

    [Theory]
    [InlineData("""{"query":"query($s: String!) { technology(slug: $s) { name } }","variables":{"s":"\ud800"}}""", "lone surrogate (\\ud800)")]
    [InlineData("""{"query":"query($s: String!) { technology(slug: $s) { name } }","variables":{"s":"a\uDC00b"}}""", "lone surrogate (\\uDC00)")]
    [InlineData("""{"query":"query($s: [String!]!) { nodes(ids: $s) { id } }","variables":{"s":["x","\udbff\udbff"]}}""", "lone surrogate (\\udbff)")]
    [InlineData("""{"query":"{ __typename }","extensions":{"note":"\ud800"}}""", "lone surrogate (\\ud800)")]
    [InlineData("""{"query":"{ __typename }","extensions":{"note":"a\u0000b"}}""", "U+0000")]
    public async Task Bad_text_in_variables_or_extensions_is_invalid_text_not_a_bad_request(string body, string named)
    {
        var response = await Attack.PostRawAsync(api.Client, body, "application/json");

        Assert.True(response.Code == "INVALID_TEXT", response.Json?.ToJsonString());
        Assert.Contains(named, response.Message0, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_spelt_as_escapes_is_not_lone()
    {
        Assert.Null(Catalog.Api.Graph.Http.GraphQLRequestReader.LoneSurrogateEscape("""{"s":"\ud83d\ude00 and \\ud800 as text"}"""));
        Assert.Equal("\\udc00", Catalog.Api.Graph.Http.GraphQLRequestReader.LoneSurrogateEscape("""{"s":"\udc00\ud83d"}"""));
    }

    /// <summary>Each string argument of the field, as a path from the argument through input object fields.</summary>
    private static IEnumerable<(string[] Path, JsonObject Others)> Targets(FieldType field)
    {
        foreach (var argument in field.Arguments ?? [])
        {
            var type = Named(argument.ResolvedType!);
            if (type is StringGraphType or IdGraphType) yield return ([argument.Name], []);
            if (type is IInputObjectGraphType input)
            {
                foreach (var inner in input.Fields.Where(f => Named(f.ResolvedType!) is StringGraphType or IdGraphType))
                    yield return ([argument.Name, inner.Name], []);
            }
        }
    }

    /// <summary>A call of the field with the hostile text at <paramref name="path"/> and plausible values elsewhere, by variables.</summary>
    private static (string Document, JsonObject Variables) Call(string operation, FieldType field, string[] path, string hostile, JsonObject _)
    {
        var variables = new JsonObject();
        var declarations = new List<string>();
        var arguments = new List<string>();
        foreach (var argument in field.Arguments ?? [])
        {
            var required = argument.ResolvedType is NonNullGraphType;
            if (argument.Name != path[0] && !required) continue;
            declarations.Add($"${argument.Name}: {argument.ResolvedType}");
            arguments.Add($"{argument.Name}: ${argument.Name}");
            variables[argument.Name] = Value(argument.ResolvedType!, argument.Name == path[0] ? path.Skip(1).ToArray() : null, hostile);
        }
        var selection = Named(field.ResolvedType!) is IComplexGraphType ? " { __typename }" : "";
        var call = arguments.Count == 0 ? field.Name : $"{field.Name}({string.Join(", ", arguments)})";
        var header = declarations.Count == 0 ? operation : $"{operation}({string.Join(", ", declarations)})";
        return ($"{header} {{ {call}{selection} }}", variables);
    }

    /// <summary>A value of the type: the hostile text where the path ends, else something ordinary.</summary>
    private static JsonNode? Value(IGraphType type, string[]? path, string hostile)
    {
        var named = Named(type);
        if (path is { Length: 0 }) return type is ListGraphType or NonNullGraphType { ResolvedType: ListGraphType } ? new JsonArray(hostile) : JsonValue.Create(hostile);
        JsonNode? value = named switch
        {
            StringGraphType or IdGraphType => JsonValue.Create("istio"),
            IntGraphType => JsonValue.Create(1),
            BooleanGraphType => JsonValue.Create(false),
            EnumerationGraphType e => JsonValue.Create(e.Values.First().Name),
            IInputObjectGraphType input => Input(input, path, hostile),
            _ => null,
        };
        return type is ListGraphType or NonNullGraphType { ResolvedType: ListGraphType } ? new JsonArray(value) : value;
    }

    private static JsonObject Input(IInputObjectGraphType input, string[]? path, string hostile)
    {
        var fields = new JsonObject();
        foreach (var inner in input.Fields)
        {
            var target = path is { Length: > 0 } && path[0] == inner.Name;
            if (!target && inner.ResolvedType is not NonNullGraphType) continue;
            fields[inner.Name] = inner.Name == "content" && !target ? JsonValue.Create("# notes\n") : Value(inner.ResolvedType!, target ? path![1..] : null, hostile);
        }
        return fields;
    }

    private static IGraphType Named(IGraphType type) => type is IProvideResolvedType wrapper ? Named(wrapper.ResolvedType!) : type;

    private static string Describe(string text) => text.Length > 20 ? $"{text.Length} characters" : string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
