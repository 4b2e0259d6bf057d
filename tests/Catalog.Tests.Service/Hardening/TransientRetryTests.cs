using Catalog.Tests.Infrastructure;
using Npgsql;

namespace Catalog.Tests.Hardening;

/// <summary>Batch loads (reads) survive the death of every pooled connection, as after a PostgreSQL restart.</summary>
public sealed class TransientRetryTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    // Only batch loaders below the root: node() loads by id, talks and speakers are nested lists.
    private const string Query = """
        query($id: ID!) { node(id: $id) { ... on Technology { slug talks { slug speakers { slug } } } } }
        """;

    [Fact]
    public async Task Reads_are_retried_on_a_new_connection_when_the_pooled_ones_were_killed()
    {
        var id = (string)(await api.DataAsync("""{ technology(slug: "istio") { id } }"""))["technology"]!["id"]!;
        for (var i = 0; i < 5; i++) await api.DataAsync(Query, new { id }); // fill the pool

        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
            Assert.True((long)(await kill.ExecuteScalarAsync())! > 0);
        }

        var data = await api.DataAsync(Query, new { id });
        Assert.Equal("istio", (string?)data["node"]!["slug"]);
        Assert.NotEmpty(data["node"]!["talks"]!.AsArray());
    }
}
