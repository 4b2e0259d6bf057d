using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api;
using Catalog.Api.Graph.Documents;
using Catalog.Api.Graph.Http;
using Catalog.Tests.Infrastructure;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Http;

/// <summary>GraphQL over HTTP at /graphql: methods, media types, status codes, errors and persisted documents.</summary>
public sealed class GraphQLHttpTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";
    private const string TechnologyBySlug = "query Technology($s: String!) { technology(slug: $s) { slug name } }";

    [Fact]
    public async Task A_query_runs_by_post_with_a_json_body_and_by_get_with_query_parameters()
    {
        var post = await SendAsync(HttpMethod.Post, "/graphql", new { query = TechnologyBySlug, variables = new { s = "k8s" }, operationName = "Technology" });
        var get = await SendAsync(HttpMethod.Get,
            $"/graphql?query={Uri.EscapeDataString(TechnologyBySlug)}&variables={Uri.EscapeDataString("""{"s":"k8s"}""")}&operationName=Technology");

        foreach (var response in new[] { post, get })
        {
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal("kubernetes", (string?)response.Json!["data"]!["technology"]!["slug"]);
            Assert.Null(response.Json["errors"]);
        }
    }

    [Theory]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData(Json, Json)]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.2, application/json", Json)]
    [InlineData("text/html;q=0.9, */*;q=0.8", Json)]
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Get })
        {
            var response = method == HttpMethod.Post
                ? await SendAsync(method, "/graphql", new { query = "{ __typename }" }, accept: accept)
                : await SendAsync(method, "/graphql?query=" + Uri.EscapeDataString("{ __typename }"), accept: accept);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal(expected, response.ContentType!.MediaType);
            Assert.Equal("utf-8", response.ContentType.CharSet);
            Assert.Equal("Query", (string?)response.Json!["data"]!["__typename"]);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/csv")]
    [InlineData("application/json;q=0")]
    public async Task A_client_that_accepts_no_json_gets_406(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new { query = "{ __typename }" }, accept: accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("NOT_ACCEPTABLE", Code(response));
        Assert.Contains("Accept", Message(response), StringComparison.Ordinal);
    }

    [Theory]
    // A document that does not parse.
    [InlineData("{ technology(slug: \"k8s\") { slug }", GraphQLResponse, HttpStatusCode.BadRequest, "SYNTAX_ERROR", 1, 35)]
    [InlineData("{ technology(slug: \"k8s\") { slug }", Json, HttpStatusCode.OK, "SYNTAX_ERROR", 1, 35)]
    // A document that parses but is not valid against the schema.
    [InlineData("{\n  technology(slug: \"k8s\") { nope } }", GraphQLResponse, HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE", 2, 29)]
    [InlineData("{\n  technology(slug: \"k8s\") { nope } }", Json, HttpStatusCode.OK, "FIELDS_ON_CORRECT_TYPE", 2, 29)]
    // A subscription, while the schema has no subscription type.
    [InlineData("subscription { x }", GraphQLResponse, HttpStatusCode.BadRequest, ErrorCodes.OperationNotSupported, 1, 1)]
    [InlineData("subscription { x }", Json, HttpStatusCode.OK, ErrorCodes.OperationNotSupported, 1, 1)]
    public async Task Parse_and_validation_errors_get_the_spec_status_per_media_type_with_locations_and_codes(
        string query, string accept, HttpStatusCode status, string code, int line, int column)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new { query }, accept: accept);

        Assert.Equal(status, response.Status);
        Assert.Equal(accept, response.ContentType!.MediaType);
        // The document never executed, so there is no data entry at all (not even null).
        Assert.False(response.Json!.AsObject().ContainsKey("data"));
        var error = response.Json["errors"]![0]!;
        Assert.Equal(code, (string?)error["extensions"]!["code"]);
        Assert.Equal(line, (int)error["locations"]![0]!["line"]!);
        Assert.Equal(column, (int)error["locations"]![0]!["column"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task A_variable_that_does_not_coerce_is_a_request_error(string accept, HttpStatusCode status)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new { query = TechnologyBySlug, variables = new { s = (string?)null } }, accept: accept);

        Assert.Equal(status, response.Status);
        Assert.False(response.Json!.AsObject().ContainsKey("data"));
        Assert.Equal("INVALID_VALUE", Code(response));
        Assert.Contains("$s", Message(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mutation { x }", null)]
    [InlineData("subscription { x }", null)]
    [InlineData("query Q { __typename } mutation M { x }", "M")]
    public async Task A_mutation_or_subscription_by_get_is_refused_with_405_and_allow(string query, string? operationName)
    {
        foreach (var accept in new[] { GraphQLResponse, Json })
        {
            var url = $"/graphql?query={Uri.EscapeDataString(query)}" + (operationName is null ? "" : $"&operationName={operationName}");
            var response = await SendAsync(HttpMethod.Get, url, accept: accept);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
            Assert.Equal("POST", response.Allow);
            // Only the method is wrong as far as the client is told, though the schema has no mutation type either.
            var error = Assert.Single(response.Json!["errors"]!.AsArray())!;
            Assert.Equal(ErrorCodes.MethodNotAllowed, (string?)error["extensions"]!["code"]);
            Assert.Contains("POST", (string?)error["message"], StringComparison.Ordinal);
            Assert.NotNull(error["locations"]);
        }
    }

    [Fact]
    public async Task A_document_with_a_subscription_the_schema_lacks_is_invalid_even_when_its_query_is_selected()
    {
        // The document as a whole is invalid (no subscription type), so even its query does not run.
        var response = await SendAsync(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString("query Q { __typename } subscription S { x }")}&operationName=Q", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(ErrorCodes.OperationNotSupported, Code(response));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_refused_with_405_and_allow(string method)
    {
        var response = await SendAsync(new HttpMethod(method), "/graphql", new { query = "{ __typename }" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("GET, POST", response.Allow);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_post_body_that_is_not_utf8_json_gets_415(string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}""")) };
        if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", Code(response));
        Assert.Contains("application/json", Message(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"query": "{ __typename }" """, "The body is not valid JSON (line 1, byte 28)")]
    [InlineData("""{"query": 42}""", "'query' must be a string or null, not a number.")]
    [InlineData("""{"query": "{ __typename }", "operationName": false}""", "'operationName' must be a string or null, not a boolean.")]
    [InlineData("""{"query": "{ __typename }", "variables": "s"}""", "'variables' must be an object or null, not a string.")]
    [InlineData("""{"query": "{ __typename }", "extensions": [1]}""", "'extensions' must be an object or null, not an array.")]
    [InlineData("\"{ __typename }\"", "The body must be a JSON object with a 'query' string, not a string.")]
    [InlineData("""{"qeury": "{ __typename }"}""", "The request needs a 'query' (or a persisted 'documentId').")]
    [InlineData("", "The body is empty: send a JSON object with a 'query' string.")]
    public async Task A_malformed_body_gets_400_with_a_readable_message(string body, string message)
    {
        foreach (var accept in new[] { GraphQLResponse, Json })
        {
            var response = await SendRawAsync(body, accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(accept, response.ContentType!.MediaType);
            Assert.Equal("BAD_REQUEST", Code(response));
            Assert.StartsWith(message, Message(response), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[1]", "The 'variables' parameter must be a JSON object, not an array.")]
    [InlineData("{\"s\":", "The 'variables' parameter is not valid JSON (line 1, byte 6)")]
    public async Task Malformed_get_variables_get_400_with_a_readable_message(string variables, string message)
    {
        var response = await SendAsync(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(TechnologyBySlug)}&variables={Uri.EscapeDataString(variables)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", Code(response));
        Assert.StartsWith(message, Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_gets_400_with_batching_not_supported()
    {
        var response = await SendRawAsync("""[{"query":"{ __typename }"},{"query":"{ __typename }"}]""", GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BATCHING_NOT_SUPPORTED", Code(response));
        Assert.Contains("one operation per request", Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Japanese_text_is_written_as_utf8_not_escaped()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new { query = """{ technology(slug: "ロケット") { definition(lang: JA) } }""" });

        var definition = (string?)response.Json!["data"]!["technology"]!["definition"];
        Assert.Contains("コンテナ", definition, StringComparison.Ordinal);
        Assert.Contains(definition!, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u30", response.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Responses_vary_by_accept_so_a_shared_cache_keeps_each_representation_apart()
    {
        var get = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }"), accept: Json);
        var post = await SendAsync(HttpMethod.Post, "/graphql", new { query = "{ __typename }" });
        var refused = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }"), accept: "text/plain");

        foreach (var response in new[] { get, post, refused })
            Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task A_query_that_ran_once_runs_again_by_its_sha256_document_id_by_post_and_by_get()
    {
        // A text of its own, so no other test has run it yet.
        var query = $"query Persisted{Guid.NewGuid():N} {{ technology(slug: \"calico\") {{ slug name }} }}";
        var documentId = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(query)));

        var before = await SendAsync(HttpMethod.Post, "/graphql", new { documentId });
        Assert.Equal("DOCUMENT_NOT_FOUND", Code(before));

        var byText = await SendAsync(HttpMethod.Post, "/graphql", new { query });
        var byPost = await SendAsync(HttpMethod.Post, "/graphql", new { documentId });
        var byGet = await SendAsync(HttpMethod.Get, $"/graphql?documentId={Uri.EscapeDataString(documentId)}");

        foreach (var response in new[] { byText, byPost, byGet })
        {
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Null(response.Json!["errors"]);
            Assert.Equal("calico", (string?)response.Json["data"]!["technology"]!["slug"]);
        }
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task An_unknown_document_id_gets_a_clear_error(string accept, HttpStatusCode status)
    {
        var unknown = "sha256:" + new string('0', 64);
        var byPost = await SendAsync(HttpMethod.Post, "/graphql", new { documentId = unknown }, accept: accept);
        var byGet = await SendAsync(HttpMethod.Get, $"/graphql?documentId={unknown}", accept: accept);
        var malformed = await SendAsync(HttpMethod.Post, "/graphql", new { documentId = "not-a-document-id" }, accept: accept);

        foreach (var response in new[] { byPost, byGet })
        {
            Assert.Equal(status, response.Status);
            Assert.Equal("DOCUMENT_NOT_FOUND", Code(response));
            Assert.Contains("persisted document", Message(response), StringComparison.Ordinal);
            Assert.False(response.Json!.AsObject().ContainsKey("data"));
        }
        Assert.Equal("DOCUMENT_ID_INVALID", Code(malformed));
    }

    [Fact]
    public async Task A_request_with_both_a_query_and_a_document_id_is_refused()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new { query = "{ __typename }", documentId = "sha256:" + new string('0', 64) });

        Assert.Equal("INVALID_REQUEST", Code(response));
        Assert.False(response.Json!.AsObject().ContainsKey("data"));
    }

    [Fact]
    public async Task A_repeated_document_skips_parsing_and_validation_but_not_the_checks_that_depend_on_the_request()
    {
        // Count what GraphQL.NET itself does, behind the endpoint and the cache: every parse, and every validation
        // that runs the core rules.
        var counts = new PipelineCounts();
        await using var host = api.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            Decorate<IDocumentBuilder>(services, inner => new CountingDocumentBuilder(inner, counts));
            Decorate<IDocumentValidator>(services, inner => new CountingDocumentValidator(inner, counts));
        }));
        using var client = host.CreateClient();
        var query = $"query Cached{Guid.NewGuid():N}($s: String!) {{ technology(slug: $s) {{ slug }} }}";
        var documentId = "sha256:" + PersistedDocumentStore.Sha256(query);

        var first = await SendAsync(client, Post(new { query, variables = new { s = "k8s" } }));
        Assert.Equal("kubernetes", (string?)first.Json!["data"]!["technology"]!["slug"]);
        Assert.Equal((1, 1), (counts.Parses, counts.FullValidations));

        // The same text again, with other variables, by POST, by GET and by its document id: no parse, no validation.
        var again = await SendAsync(client, Post(new { query, variables = new { s = "calico" } }));
        var byGet = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get,
            $"/graphql?query={Uri.EscapeDataString(query)}&variables={Uri.EscapeDataString("""{"s":"istio"}""")}"));
        var byId = await SendAsync(client, Post(new { documentId, variables = new { s = "envoy" } }));
        Assert.Equal("calico", (string?)again.Json!["data"]!["technology"]!["slug"]);
        Assert.Equal("istio", (string?)byGet.Json!["data"]!["technology"]!["slug"]);
        Assert.Equal("envoy", (string?)byId.Json!["data"]!["technology"]!["slug"]);
        Assert.Equal((1, 1), (counts.Parses, counts.FullValidations));

        // Variables are still checked against the cached document.
        var badVariable = await SendAsync(client, Post(new { query, variables = new { s = (string?)null } }));
        Assert.Equal(HttpStatusCode.BadRequest, badVariable.Status);
        Assert.Equal("INVALID_VALUE", Code(badVariable));

        // Another text is another document.
        var other = await SendAsync(client, Post(new { query = query + " ", variables = new { s = "k8s" } }));
        Assert.Equal("kubernetes", (string?)other.Json!["data"]!["technology"]!["slug"]);
        Assert.Equal((2, 2), (counts.Parses, counts.FullValidations));
    }

    [Fact]
    public async Task A_document_that_failed_validation_is_not_cached()
    {
        var counts = new PipelineCounts();
        await using var host = api.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            Decorate<IDocumentBuilder>(services, inner => new CountingDocumentBuilder(inner, counts))));
        using var client = host.CreateClient();
        var query = $"{{ technology(slug: \"k8s\") {{ nope{Guid.NewGuid():N} }} }}";

        foreach (var _ in Enumerable.Range(0, 2))
            Assert.Equal("FIELDS_ON_CORRECT_TYPE", Code(await SendAsync(client, Post(new { query }))));
        Assert.Equal(2, counts.Parses);
    }

    private static HttpRequestMessage Post(object body, string accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, Json) };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private Task<Response> SendAsync(HttpMethod method, string url, object? body = null, string? accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, Json);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return SendAsync(request);
    }

    private Task<Response> SendRawAsync(string body, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, Json) };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return SendAsync(request);
    }

    private Task<Response> SendAsync(HttpRequestMessage request) => SendAsync(api.Client, request);

    private static async Task<Response> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? json = null;
            try { json = JsonNode.Parse(text); } catch (JsonException) { }
            var allow = response.Content.Headers.Allow.Count == 0 ? null : string.Join(", ", response.Content.Headers.Allow);
            return new Response(response.StatusCode, response.Content.Headers.ContentType, allow, response.Headers, text, json);
        }
    }

    private static string? Code(Response response) => (string?)response.Json?["errors"]?[0]?["extensions"]?["code"];

    private static string Message(Response response) => (string?)response.Json?["errors"]?[0]?["message"] ?? "";

    /// <summary>Replaces a service with a wrapper around the registered implementation.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Add(ServiceDescriptor.Describe(typeof(T), provider => wrap((T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))), original.Lifetime));
    }

    private sealed class PipelineCounts
    {
        private int _parses;
        private int _fullValidations;

        public int Parses => Volatile.Read(ref _parses);
        public int FullValidations => Volatile.Read(ref _fullValidations);

        public void Parsed() => Interlocked.Increment(ref _parses);
        public void Validated() => Interlocked.Increment(ref _fullValidations);
    }

    private sealed class CountingDocumentBuilder(IDocumentBuilder inner, PipelineCounts counts) : IDocumentBuilder
    {
        public GraphQLDocument Build(string body)
        {
            counts.Parsed();
            return inner.Build(body);
        }
    }

    private sealed class CountingDocumentValidator(IDocumentValidator inner, PipelineCounts counts) : IDocumentValidator
    {
        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            if (options.Rules?.Any(DocumentValidator.CoreRules.Contains) == true) counts.Validated();
            return inner.ValidateAsync(options);
        }
    }

    private sealed record Response(HttpStatusCode Status, MediaTypeHeaderValue? ContentType, string? Allow, HttpResponseHeaders Headers, string Text, JsonNode? Json);
}
