using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Tests.Infrastructure;

/// <summary>
/// The service in-process, on a database of its own that it migrates and seeds at start-up exactly as in
/// production, with a count of the SQL commands it sends to that database.
/// </summary>
public class CatalogApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";
    private string _database = "";
    private int _commands;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        _database = new NpgsqlConnectionStringBuilder(_connectionString).Database!;
        SqlCommandCounter.Subscribe(_database, () => Interlocked.Increment(ref _commands));
        Client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Serving a snapshot and hearing changes: from here on, nothing runs SQL in the background unless a test writes.
        var snapshots = Services.GetRequiredService<Catalog.Api.Snapshot.CatalogSnapshots>();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); !snapshots.IsListening; await Task.Delay(20))
            Assert.True(DateTime.UtcNow < deadline, "The service did not build its catalog snapshot within 60 s.");
    }

    public string ConnectionString => _connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Catalog", _connectionString);
        builder.UseSetting("Catalog:SeedPath", Seeds.Repository);
        // Every test client shares one address; the rate limit has tests of its own.
        builder.UseSetting("Catalog:Limits:RateLimitPermits", "0");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Configuration a derived fixture sets on top of the defaults above.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>Runs an action and returns how many SQL commands the service sent to its database meanwhile.</summary>
    public async Task<int> CountCommandsAsync(Func<Task> action)
    {
        var before = Volatile.Read(ref _commands);
        await action();
        return Volatile.Read(ref _commands) - before;
    }

    /// <summary>POSTs a GraphQL request and returns the parsed response, asserting nothing about it.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await Client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>POSTs a query that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var response = await QueryAsync(query, variables);
        if (response["errors"] is { } errors) throw new Xunit.Sdk.XunitException($"The query failed: {errors.ToJsonString()}");
        return response["data"]!;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        SqlCommandCounter.Unsubscribe(_database);
        await base.DisposeAsync();
    }
}

/// <summary>
/// Counts the SQL commands sent, per database, from Npgsql's own activity source: it sees every command, whether
/// EF Core or the service's own SQL sent it.
/// </summary>
internal static class SqlCommandCounter
{
    private static readonly Dictionary<string, Action> Counters = [];
    private static readonly Lock Gate = new();
    private static ActivityListener? _listener;

    public static void Subscribe(string database, Action count)
    {
        lock (Gate)
        {
            Counters[database] = count;
            if (_listener is not null) return;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = Count, // its tags are set after it starts
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    public static void Unsubscribe(string database)
    {
        lock (Gate) Counters.Remove(database);
    }

    private static void Count(Activity activity)
    {
        // The instance's own LISTEN for change notices (sent once, whenever its listener connects) and its bookkeeping of
        // persisted documents (a text's first run stores it) are no request's reading of the catalog.
        if (activity.GetTagItem("db.query.text") is not string text || text.StartsWith("LISTEN ", StringComparison.Ordinal)
            || text.Contains("persisted_documents", StringComparison.Ordinal)) return;
        var database = activity.GetTagItem("db.namespace") as string;
        Action? count;
        lock (Gate) Counters.TryGetValue(database ?? "", out count);
        count?.Invoke();
    }
}
