using Catalog.Api.Development;
using Npgsql;

namespace Catalog.Tests.Data;

public sealed class LocalPostgresServerTests
{
    [Fact]
    public async Task Creates_starts_adopts_and_stops_a_cluster_of_its_own()
    {
        var root = Path.Combine(Path.GetTempPath(), "catalog-local-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var server = await LocalPostgresServer.StartAsync(root);
            Assert.True(server.StartedHere);
            Assert.Equal(1, await ScalarAsync(server.ConnectionString, "SELECT 1"));

            // A second start on the same folder finds the running server and leaves it to its owner.
            using (var again = await LocalPostgresServer.StartAsync(root))
            {
                Assert.False(again.StartedHere);
                Assert.Equal(server.Port, again.Port);
            }
            Assert.Equal(1, await ScalarAsync(server.ConnectionString, "SELECT 1"));

            server.Stop();
            Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")));
            await Assert.ThrowsAnyAsync<Exception>(() => ScalarAsync(server.ConnectionString, "SELECT 1"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
