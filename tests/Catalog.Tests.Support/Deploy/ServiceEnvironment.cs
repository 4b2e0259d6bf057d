using System.Text.RegularExpressions;
using Catalog.Api;
using Catalog.Api.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Deploy;

/// <summary>
/// Environment variables a deployment file gives the service, read the way the service reads them: its
/// configuration is built from the environment with <c>__</c> for <c>:</c>, and the host also takes
/// <c>DOTNET_</c>/<c>ASPNETCORE_</c>-prefixed variables without their prefix.
/// </summary>
public sealed partial class ServiceEnvironment
{
    /// <summary>Read by the .NET runtime, the host or Kestrel themselves (not configuration keys of Catalog's).</summary>
    private static readonly HashSet<string> PlatformVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
        "DOTNET_RUNNING_IN_CONTAINER", "DOTNET_hostBuilder__reloadConfigOnChange", "TMPDIR",
    };

    /// <summary>Host settings (configuration keys of the generic host) this project sets.</summary>
    private static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase) { "shutdownTimeoutSeconds" };

    private readonly IConfiguration _configuration;
    private readonly HashSet<string> _parts;

    /// <param name="variables">Names and values.</param>
    /// <param name="parts">Variables only there to be composed into others by Kubernetes (<c>$(NAME)</c>).</param>
    public ServiceEnvironment(IReadOnlyDictionary<string, string> variables, IEnumerable<string>? parts = null)
    {
        Variables = variables;
        _parts = (parts ?? []).ToHashSet(StringComparer.Ordinal);
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
        {
            keys[name.Replace("__", ":", StringComparison.Ordinal)] = value;
            foreach (var prefix in (string[])["DOTNET_", "ASPNETCORE_"])
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    keys[name[prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
    }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public string? ConnectionString => _configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName);

    /// <summary>The service's own options from these variables; throws on a key CatalogOptions does not have.</summary>
    public CatalogOptions CatalogOptions()
    {
        var options = new CatalogOptions();
        _configuration.GetSection(Catalog.Api.CatalogOptions.Section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        return options;
    }

    /// <summary>The host's options as a real host built on these variables has them (the shutdown timeout).</summary>
    public HostOptions HostOptions()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddConfiguration(_configuration);
        using var app = builder.Build();
        return app.Services.GetRequiredService<IOptions<HostOptions>>().Value;
    }

    /// <summary>Variables the service does not read (a misspelt name is silently ignored by .NET).</summary>
    public IEnumerable<string> UnknownNames()
    {
        foreach (var name in Variables.Keys)
        {
            var parts = name.Split("__");
            var known = PlatformVariables.Contains(name)
                || _parts.Contains(name)
                || parts is ["ConnectionStrings", DatabaseExtensions.ConnectionStringName]
                || (parts is [Catalog.Api.CatalogOptions.Section, var option]
                    && typeof(CatalogOptions).GetProperty(option) is { CanWrite: true })
                || parts is ["Logging", "LogLevel", _]
                || (name.StartsWith("DOTNET_", StringComparison.Ordinal) && HostSettings.Contains(name["DOTNET_".Length..]));
            if (!known) yield return name;
        }
    }

    /// <summary>Kubernetes' dependent variables: <c>$(NAME)</c> in a value is replaced by an earlier variable.</summary>
    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    public static partial Regex Reference();
}
