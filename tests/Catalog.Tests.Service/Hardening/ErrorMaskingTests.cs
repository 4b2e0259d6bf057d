using Catalog.Api;
using Catalog.Api.Graph.Errors;
using Catalog.Tests.Infrastructure;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Tests.Hardening;

public sealed class ErrorMaskingTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    [Fact]
    public async Task Outside_development_an_internal_exception_is_masked_and_carries_the_correlation_id()
    {
        var masking = Masking("Production", "req-42");
        var result = await masking.ExecuteAsync(new ExecutionOptions(), _ => Failing(new InvalidOperationException("SELECT password FROM users failed")));

        var error = Assert.Single(result.Errors!);
        Assert.Equal("An internal error occurred. Correlation id: req-42.", error.Message);
        Assert.Equal(ErrorCodes.InternalError, error.Code);
        Assert.Equal("req-42", error.Extensions!["correlationId"]);
        Assert.Null(error.InnerException);
        Assert.Equal(["technology"], error.Path!);
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_database_unavailable()
    {
        var masking = Masking("Production", "req-7");
        var result = await masking.ExecuteAsync(new ExecutionOptions(), _ => Failing(new NpgsqlException("Failed to connect to 127.0.0.1:5432")));

        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.DatabaseUnavailable, error.Code);
        Assert.DoesNotContain("5432", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-7", error.Extensions!["correlationId"]);
    }

    [Fact]
    public async Task An_answer_that_does_not_fit_in_memory_is_out_of_memory_and_says_to_ask_for_less()
    {
        var masking = Masking("Production", "req-9");
        var result = await masking.ExecuteAsync(new ExecutionOptions(), _ => Failing(RuntimeOutOfMemory()));

        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.OutOfMemory, error.Code);
        Assert.Contains("`first`", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Correlation id: req-9.", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-9", error.Extensions!["correlationId"]);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task In_development_the_exception_stays_visible_with_the_correlation_id()
    {
        var masking = Masking("Development", "req-1");
        var result = await masking.ExecuteAsync(new ExecutionOptions(), _ => Failing(new InvalidOperationException("boom")));

        var error = Assert.Single(result.Errors!);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("req-1", error.Extensions!["correlationId"]);
    }

    [Fact]
    public async Task Every_response_names_its_correlation_id()
    {
        var response = await Attack.PostAsync(api.Client, "{ __typename }");

        Assert.True(response.Message.Headers.TryGetValues(CorrelationExtensions.Header, out var values));
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(values)));
    }

    [Fact]
    public async Task With_introspection_on_suggestions_stay()
    {
        var response = await Attack.PostAsync(api.Client, "{ technology(slug: \"istio\") { nam } }");

        Assert.Contains("Did you mean", response.Message0, StringComparison.Ordinal);
    }

    private static ErrorMasking Masking(string environment, string traceIdentifier)
    {
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext { TraceIdentifier = traceIdentifier } };
        return new ErrorMasking(http, new Environment(environment), Options.Create(new CatalogOptions()), NullLogger<ErrorMasking>.Instance);
    }

    /// <summary>An out-of-memory exception as the runtime throws it: a string longer than any the runtime allows.</summary>
    private static OutOfMemoryException RuntimeOutOfMemory()
    {
        try
        {
            _ = new string('x', int.MaxValue);
        }
        catch (OutOfMemoryException e)
        {
            return e;
        }
        throw new InvalidOperationException("A string of int.MaxValue characters was allocated.");
    }

    private static Task<ExecutionResult> Failing(Exception exception)
    {
        var result = new ExecutionResult { Executed = true };
        result.AddError(new UnhandledError("Error trying to resolve field 'technology'.", exception) { Path = ["technology"] });
        return Task.FromResult(result);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Catalog.Api";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}

/// <summary>The service with introspection turned off by configuration.</summary>
public sealed class NoIntrospectionFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Catalog:Introspection", "false")];
}

public sealed class NoIntrospectionTests(NoIntrospectionFixture api) : IClassFixture<NoIntrospectionFixture>
{
    [Fact]
    public async Task Introspection_is_refused_and_errors_suggest_no_field_names()
    {
        var introspection = await Attack.PostAsync(api.Client, IntrospectionQuery.Full);
        var typo = await Attack.PostAsync(api.Client, "{ technology(slug: \"istio\") { nam } }");

        Assert.Null(introspection.Json!["data"]);
        Assert.Contains(introspection.Json["errors"]!.AsArray(), e => (string?)e!["extensions"]!["code"] == "NO_INTROSPECTION");
        Assert.Equal("Cannot query field 'nam' on type 'Technology'.", typo.Message0);
        Assert.Equal("Istio", (string?)(await api.DataAsync("{ technology(slug: \"istio\") { name } }"))["technology"]!["name"]);
    }
}
