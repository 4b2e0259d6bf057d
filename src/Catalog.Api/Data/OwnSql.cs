using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Api.Data;

/// <summary>
/// A hand-written statement for a hot path, sent prepared on a context's connection as it is: EF Core's raw SQL
/// queries rebuild their command under a lock and compile a parameter lambda on every call, and named parameters make
/// Npgsql rewrite the text on every call too. The SQL is written with readable <c>@names</c>, turned into
/// PostgreSQL's <c>$n</c> placeholders once.
/// </summary>
public sealed partial class OwnSql(string sql, params string[] parameterNames)
{
    private readonly string _text = Placeholder().Replace(sql, m =>
        Array.IndexOf(parameterNames, m.Groups[1].Value) is var i and >= 0 ? $"${i + 1}" : throw new ArgumentException($"@{m.Groups[1].Value} is not a declared parameter."));

    /// <summary>Runs the statement with the values in declared order (typed by the parameters given) and reads each row.</summary>
    public Task<List<T>> ReadAsync<T>(CatalogDbContext db, NpgsqlParameter[] values, Func<NpgsqlDataReader, T> read, CancellationToken ct) =>
        ReadBatchAsync(db, [(this, values)], async (reader, token) =>
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(token).ConfigureAwait(false)) rows.Add(read(reader));
            return rows;
        }, ct);

    /// <summary>
    /// Runs several statements in one round trip (a batch) and hands the reader, on the first result, to
    /// <paramref name="read"/>, which moves through the results in order.
    /// </summary>
    public static async Task<T> ReadBatchAsync<T>(
        CatalogDbContext db, IReadOnlyList<(OwnSql Sql, NpgsqlParameter[] Values)> statements, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var (sql, values) in statements)
            {
                var command = new NpgsqlBatchCommand(sql._text);
                command.Parameters.AddRange(values);
                batch.BatchCommands.Add(command);
            }
            // Explicitly: batches were not auto-prepared, and PostgreSQL planned them on every call.
            await batch.PrepareAsync(ct).ConfigureAwait(false);
            await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await read(reader, ct).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    public static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Integer(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    public static NpgsqlParameter Integers(IEnumerable<int> values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = values.ToArray() };

    public static NpgsqlParameter Boolean(bool value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value };

    // @name outside quotes is enough here: the statements are ours and keep no '@' in literals.
    [GeneratedRegex(@"@([a-z_]+)")]
    private static partial Regex Placeholder();
}
