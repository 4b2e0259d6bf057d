using System.Net.Sockets;
using Catalog.Api.Development;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Catalog.Api;

/// <summary>How the process starts and ends: where its files are, where its logs go, and how a failed start ends.</summary>
public static partial class ServiceHost
{
    /// <summary>
    /// The content root (where appsettings.json is read from): the working folder when it holds appsettings.json or
    /// when one is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>), else the folder of the binaries, so that
    /// the published dll started from any folder reads its own configuration.
    /// </summary>
    public static string? ContentRoot(string[] args, string workingDirectory, string baseDirectory)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 })
            return null;
        if (File.Exists(Path.Combine(workingDirectory, "appsettings.json"))) return null;
        return File.Exists(Path.Combine(baseDirectory, "appsettings.json")) ? baseDirectory : null;
    }

    /// <summary>The builder, with the content root above.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) => WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = ContentRoot(args, Environment.CurrentDirectory, AppContext.BaseDirectory),
    });

    /// <summary>A command's output is its answer on stdout; every log line goes to stderr.</summary>
    public static WebApplicationBuilder LogToStandardError(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    /// <summary>
    /// Runs the service until it stops. A start that cannot listen (the port in use) or whose settings are invalid ends
    /// with one critical line and exit code 1, and the local PostgreSQL it started is stopped in every case.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup");
        var localDatabase = app.Services.GetService<LocalPostgresServer>();
        // RunAsync's steps, with the host disposed only after a failed start is logged.
        try
        {
            await app.StartAsync();
            await app.WaitForShutdownAsync();
            return 0;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            AddressInUse(logger, string.Join(", ", app.Urls), e.Message);
            return 1;
        }
        catch (OptionsValidationException e)
        {
            InvalidSettings(logger, string.Join(" ", e.Failures));
            return 1;
        }
        finally
        {
            localDatabase?.Stop();
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Reads the validated settings once, before anything uses them: false, after one critical line naming each
    /// setting that is wrong, when any is.
    /// </summary>
    public static bool SettingsAreValid(this WebApplication app)
    {
        var failures = Failures<CatalogOptions>(app).Concat(Failures<Graph.Limits.LimitsOptions>(app)).ToList();
        if (failures.Count == 0) return true;
        InvalidSettings(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup"), string.Join(" ", failures));
        app.Services.GetService<LocalPostgresServer>()?.Stop();
        return false;
    }

    private static IEnumerable<string> Failures<TOptions>(WebApplication app) where TOptions : class
    {
        try
        {
            _ = app.Services.GetRequiredService<IOptions<TOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures;
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Critical,
        Message = "Cannot listen on {Urls}: the address is in use ({Reason}). Stop what listens there, or give another port (ASPNETCORE_URLS, --urls); stopping.")]
    private static partial void AddressInUse(ILogger logger, string urls, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Critical, Message = "Invalid settings: {Failures} Stopping.")]
    internal static partial void InvalidSettings(ILogger logger, string failures);
}
