using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Lifecycle;

/// <summary>The service's start and stop as a newcomer meets them: on an empty database, on a busy port, after kill -9.</summary>
public sealed class StartAndStopTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_error()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Catalog__SeedPath"] = Seeds.Repository,
        });
        Assert.Equal(0, await service.StopAsync());

        var output = service.Output;
        Assert.Contains("Imported seed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"LogLevel\":\"Critical\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("__ef_migrations_history", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_ends_the_start_with_one_line_and_stops_the_postgres_it_started()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var root = NewRoot();
        try
        {
            await using var service = ServiceProcess.Launch(new Dictionary<string, string?>
            {
                ["ConnectionStrings__Catalog"] = null,
                ["Catalog__LocalDatabasePath"] = root,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            });
            var exitCode = await service.WaitForExitAsync(TimeSpan.FromMinutes(3));

            Assert.Equal(1, exitCode);
            var output = service.Output;
            Assert.Contains("the address is in use", output, StringComparison.Ordinal);
            Assert.Contains(port.ToString(CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            Assert.False(File.Exists(PidFile(root)), "the service stops the PostgreSQL it started");
        }
        finally
        {
            Delete(root);
        }
    }

    [Fact]
    public async Task After_kill_9_the_next_start_takes_over_the_local_postgres_or_starts_it_again_over_a_stale_pid_file()
    {
        var root = NewRoot();
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Catalog"] = null, ["Catalog__LocalDatabasePath"] = root };
        try
        {
            // kill -9 of the service: its PostgreSQL is left running, and the next start takes it over.
            await using (var first = await ServiceProcess.StartAsync(environment))
                await first.KillAsync();
            Assert.True(File.Exists(PidFile(root)), "PostgreSQL outlives a killed service");
            await using (var second = await ServiceProcess.StartAsync(environment))
            {
                Assert.Contains("taken over", second.Output, StringComparison.Ordinal);
                await second.KillAsync();
            }

            // kill -9 of PostgreSQL too: postmaster.pid stays behind, naming a process that is gone.
            var postmaster = int.Parse(File.ReadLines(PidFile(root)).First(), CultureInfo.InvariantCulture);
            var children = Children(postmaster);
            using (var server = Process.GetProcessById(postmaster))
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
            await WaitUntilGoneAsync(children);
            Assert.True(File.Exists(PidFile(root)));

            await using (var third = await ServiceProcess.StartAsync(environment))
            {
                Assert.Contains("(started;", third.Output, StringComparison.Ordinal);
                Assert.Equal(0, await third.StopAsync());
            }
            Assert.False(File.Exists(PidFile(root)), "the service stops the PostgreSQL it started");
        }
        finally
        {
            Delete(root);
        }
    }

    [Fact]
    public async Task Apikey_create_prints_the_key_alone_on_stdout_and_its_logs_on_stderr()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var result = await Command.RunAsync("dotnet", [ServiceProcess.BuiltDll, "apikey", "create", "stdout-test"], AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["ConnectionStrings__Catalog"] = connectionString,
                ["DOTNET_ENVIRONMENT"] = "Production",
                // Every SQL command logged: all of it must land on stderr.
                ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Information",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        var key = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain(" ", key, StringComparison.Ordinal);
        Assert.Contains("API key 'stdout-test' created", result.Error, StringComparison.Ordinal);
        Assert.Contains("Executed DbCommand", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_stops_the_start_with_one_line_naming_it()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var service = ServiceProcess.Launch(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Catalog__SeedPath"] = Seeds.Repository,
            ["Catalog__Limits__MaxDepth"] = "0",
            ["Catalog__ResponseCacheSeconds"] = "-5",
        });

        Assert.Equal(1, await service.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        var output = service.Output;
        Assert.Contains("Catalog:Limits:MaxDepth must be at least 1 (it is 0).", output, StringComparison.Ordinal);
        Assert.Contains("Catalog:ResponseCacheSeconds must be at least 1 (it is -5).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    private static string NewRoot() => Path.Combine(Path.GetTempPath(), "catalog-lifecycle-" + Guid.NewGuid().ToString("N"));

    private static string PidFile(string root) => Path.Combine(root, "data", "postmaster.pid");

    private static void Delete(string root)
    {
        if (!Directory.Exists(root)) return;
        // A server still running from a failed assertion goes with its folder.
        if (File.Exists(PidFile(root)) && int.TryParse(File.ReadLines(PidFile(root)).First(), CultureInfo.InvariantCulture, out var pid))
        {
            try { using var server = Process.GetProcessById(pid); server.Kill(); server.WaitForExit(); } catch (ArgumentException) { }
        }
        Directory.Delete(root, recursive: true);
    }

    /// <summary>The processes whose parent is <paramref name="pid"/> (a postmaster's backends and workers).</summary>
    private static List<int> Children(int pid) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, CultureInfo.InvariantCulture, out _))
            .Select(name => (Pid: int.Parse(name!, CultureInfo.InvariantCulture), Stat: TryRead($"/proc/{name}/stat")))
            .Where(p => p.Stat is { } stat && ParentOf(stat) == pid)
            .Select(p => p.Pid)
            .ToList();

    private static int? ParentOf(string stat)
    {
        // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }

    private static string? TryRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static async Task WaitUntilGoneAsync(List<int> pids)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (pids.Any(pid => Directory.Exists($"/proc/{pid}")))
        {
            Assert.True(DateTime.UtcNow < deadline, "the killed server's processes did not exit");
            await Task.Delay(100);
        }
    }
}
