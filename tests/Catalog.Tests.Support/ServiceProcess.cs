using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Catalog.Tests.Infrastructure;

/// <summary>The built service, started as its own process the way a person runs it, on a free loopback port.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>The service built beside the tests.</summary>
    public static string BuiltDll => Path.Combine(AppContext.BaseDirectory, "Catalog.Api.dll");

    /// <summary>
    /// Starts the service with the given environment (null removes a variable) and waits until it is ready. By default
    /// the build beside the tests, from its own folder (where its appsettings.json is, and from where it finds the
    /// repository's seed by walking up); <paramref name="dll"/> and
    /// <paramref name="workingDirectory"/> start another build (a published one) from where it would run.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        IDictionary<string, string?> environment, TimeSpan? timeout = null, string? dll = null, string? workingDirectory = null)
    {
        var service = Launch(environment, dll, workingDirectory);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (DateTime.UtcNow < deadline)
        {
            if (service.HasExited) throw new InvalidOperationException($"The service exited with {service.ExitCode}:\n{service.Output}");
            try
            {
                using var response = await service.Client.GetAsync(new Uri(service.Address, "health/ready"));
                if (response.IsSuccessStatusCode) return service;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        await service.DisposeAsync();
        throw new TimeoutException($"The service did not answer in time:\n{service.Output}");
    }

    /// <summary>Starts the service as <see cref="StartAsync"/> does, without waiting for it to be ready.</summary>
    public static ServiceProcess Launch(IDictionary<string, string?> environment, string? dll = null, string? workingDirectory = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll ?? BuiltDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        return new ServiceProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits for the process to exit by itself (a start-up that fails, say) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Asks the service to stop as an orchestrator would (SIGTERM) and waits for it to exit.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }
        return _process.ExitCode;
    }

    /// <summary>Ends the service at once (SIGKILL, as <c>kill -9</c>): nothing of its own shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { await StopAsync(); } catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
