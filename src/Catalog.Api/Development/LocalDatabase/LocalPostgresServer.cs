using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Catalog.Api.Development;

/// <summary>
/// A PostgreSQL cluster of Catalog's own, made with the machine's initdb and run with pg_ctl, for when no
/// connection string is configured (and for the tests' throwaway databases). As root, the server runs as the
/// <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class LocalPostgresServer : IDisposable
{
    private const string Superuser = "catalog";
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private bool _stopped;

    private LocalPostgresServer(string root, string binDirectory, bool asPostgresUser, int port, string password, bool startedHere, bool owned)
    {
        Owned = owned;
        Root = root;
        _dataDirectory = Path.Combine(root, "data");
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        StartedHere = startedHere;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Password = password,
            Database = "postgres",
        }.ConnectionString;
    }

    public string Root { get; }
    public int Port { get; }

    /// <summary>False when the cluster was already running (left by an earlier process) and was adopted.</summary>
    public bool StartedHere { get; }

    /// <summary>
    /// Whether this process stops the server when it ends: it started it, or took it over from a process that ended
    /// without stopping it (killed, say). A server whose owner still runs is left to that owner.
    /// </summary>
    public bool Owned { get; }

    /// <summary>A connection string to the cluster's <c>postgres</c> database, as its superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>The default home of the cluster: the user's data folder, or /var/lib for root.</summary>
    public static string DefaultRoot() => Environment.IsPrivilegedProcess && OperatingSystem.IsLinux()
        ? "/var/lib/catalog/postgres"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "catalog", "postgres");

    /// <summary>
    /// Creates the cluster under <paramref name="root"/> if it does not exist, and starts it: on
    /// <paramref name="preferredPort"/> when given (so clients find it again after a restart), else on a free port.
    /// </summary>
    /// <param name="maxConnections">The server's connection limit when not its default (100): a test run hosts many services at once.</param>
    public static async Task<LocalPostgresServer> StartAsync(string root, int? preferredPort = null, int? maxConnections = null, CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        var asPostgres = Environment.IsPrivilegedProcess && OperatingSystem.IsLinux();
        Directory.CreateDirectory(root);
        var passwordFile = Path.Combine(root, "password");
        var data = Path.Combine(root, "data");

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
            await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            if (asPostgres) await RunAsync("chown", ["-R", "postgres:postgres", root], false, cancellationToken);
            await RunAsync(Path.Combine(bin, "initdb"),
                ["-D", data, "-U", Superuser, "--pwfile=" + passwordFile, "--auth=scram-sha-256",
                 "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"], asPostgres, cancellationToken);
        }
        var password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();

        var ownerFile = Path.Combine(root, "owner");
        var running = ReadRunningPort(data);
        if (running is { } port && await AnswersAsync(port, password, cancellationToken))
        {
            var owned = !OwnerRuns(ownerFile);
            if (owned) await File.WriteAllTextAsync(ownerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return new LocalPostgresServer(root, bin, asPostgres, port, password, startedHere: false, owned);
        }
        // A postmaster.pid with no server answering is left by a server that was killed or a machine that stopped:
        // a server process still holding it is stopped, and a file no live server holds is removed.
        if (running is not null) await ClearStaleServerAsync(bin, data, asPostgres, cancellationToken);

        port = preferredPort ?? FreePort();
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["start", "-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60",
             "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {root}" + (maxConnections is { } max ? $" -c max_connections={max}" : "")], asPostgres, cancellationToken);
        await File.WriteAllTextAsync(ownerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return new LocalPostgresServer(root, bin, asPostgres, port, password, startedHere: true, owned: true);
    }

    /// <summary>Creates a database on the cluster unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Stops the server if this process started it; a fast shutdown that rolls back open work.</summary>
    public void Stop()
    {
        if (_stopped || !Owned) return;
        _stopped = true;
        RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", _dataDirectory, "-m", "fast", "-w", "-t", "30"], _asPostgresUser, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    public void Dispose() => Stop();

    private static string FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")));
        if (onPath is not null) return onPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql. " +
            "Install PostgreSQL (Debian: apt-get install postgresql) or set ConnectionStrings__Catalog to an existing server.");
    }

    /// <summary>Whether the process named in the owner file (the service that started or took over the server) runs.</summary>
    private static bool OwnerRuns(string ownerFile)
    {
        if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile).Trim(), CultureInfo.InvariantCulture, out var pid)) return false;
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Stops a server process that holds the data directory without answering, or removes a postmaster.pid no server holds.</summary>
    private static async Task ClearStaleServerAsync(string bin, string data, bool asPostgres, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        var lines = File.Exists(pidFile) ? await File.ReadAllLinesAsync(pidFile, cancellationToken) : [];
        if (lines.Length == 0 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)) return;
        var comm = $"/proc/{pid}/comm";
        var isServer = File.Exists(comm) && (await File.ReadAllTextAsync(comm, cancellationToken)).Trim() is "postgres" or "postmaster";
        if (isServer)
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"], asPostgres, cancellationToken);
        else
            File.Delete(pidFile);
    }

    /// <summary>The port of a server already running on this data directory, from its postmaster.pid.</summary>
    private static int? ReadRunningPort(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private static async Task<bool> AnswersAsync(int port, string password, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = Superuser, Password = password, Database = "postgres",
            Timeout = 3, Pooling = false,
        };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
    }
}
