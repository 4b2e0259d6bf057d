using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Hardening;

/// <summary>Sends raw requests and reads what came back, for the hardening tests.</summary>
internal static class Attack
{
    public const string NormalQuery = """{ technology(slug: "istio") { name talks { title } } }""";

    public sealed record Response(HttpStatusCode Status, JsonNode? Json, HttpResponseMessage Message, TimeSpan Elapsed)
    {
        public string? Code => (string?)Json?["errors"]?[0]?["extensions"]?["code"];
        public string? Message0 => (string?)Json?["errors"]?[0]?["message"];
    }

    public static Task<Response> PostAsync(HttpClient client, string query, object? variables = null, IEnumerable<(string, string)>? headers = null) =>
        PostRawAsync(client, JsonSerializer.Serialize(new { query, variables }), "application/json", headers);

    public static async Task<Response> PostRawAsync(HttpClient client, string body, string contentType, IEnumerable<(string, string)>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        var clock = Stopwatch.StartNew();
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();
        JsonNode? json = null;
        try
        {
            json = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
        }
        return new Response(response.StatusCode, json, response, clock.Elapsed);
    }

    /// <summary>Asserts the normal query still answers with data.</summary>
    public static async Task AssertNormalQueryWorksAsync(CatalogApiFixture api)
    {
        var response = await PostAsync(api.Client, NormalQuery);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
        Assert.Equal("Istio", (string?)response.Json["data"]!["technology"]!["name"]);
    }
}
