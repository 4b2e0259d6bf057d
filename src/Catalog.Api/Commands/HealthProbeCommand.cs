using Catalog.Api.Health;

namespace Catalog.Api.Commands;

/// <summary>
/// <c>probe [--ready]</c>: asks the service running beside it for its health and exits 0 when the answer is 200.
/// The container image's HEALTHCHECK runs it: the ASP.NET runtime image has no curl or wget, and this needs no shell.
/// </summary>
public static class HealthProbeCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsProbeCommand(string[] args) => args is ["probe", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args.Contains("--ready") ? HealthExtensions.ReadyPath : HealthExtensions.LivePath;
        var target = new Uri(
            LocalAddress(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")),
            path);
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(target);
            Console.WriteLine($"{target}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{target}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// The loopback address of the first HTTP endpoint Kestrel listens on, read from the same variables Kestrel reads:
    /// <c>ASPNETCORE_URLS</c> wins over <c>ASPNETCORE_HTTP_PORTS</c>; with neither, Kestrel's default port 5000.
    /// </summary>
    public static Uri LocalAddress(string? urls, string? httpPorts)
    {
        const string scheme = "http://";
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) continue;
            var authority = url[scheme.Length..].Split('/')[0];
            var colon = authority.LastIndexOf(':');
            var host = colon > authority.LastIndexOf(']') ? authority[..colon] : authority;
            var port = colon > authority.LastIndexOf(']') ? authority[(colon + 1)..] : "80";
            // Kestrel's "any address" forms are reached on loopback.
            if (host is "+" or "*" or "0.0.0.0" or "[::]" or "") host = "127.0.0.1";
            return new Uri($"{scheme}{host}:{port}/");
        }
        var first = (httpPorts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return new Uri($"{scheme}127.0.0.1:{first ?? "5000"}/");
    }
}
