using System.Globalization;
using Catalog.Api.Graph.Limits;
using Microsoft.Extensions.Options;

namespace Catalog.Api;

/// <summary>
/// The settings checked when the service starts (<c>ValidateOnStart</c>), each failure naming its key and value, so a
/// mistyped setting stops the start with one line instead of misbehaving later.
/// </summary>
public static class SettingsValidation
{
    public static WebApplicationBuilder AddCatalogSettingsValidation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidation>();
        builder.Services.AddOptions<CatalogOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidation>();
        builder.Services.AddOptions<LimitsOptions>().ValidateOnStart();
        return builder;
    }

    internal static void AtLeast(List<string> failures, string key, double value, double least)
    {
        if (value < least || double.IsNaN(value))
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be at least {least} (it is {value})."));
    }

    internal static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}

internal sealed class CatalogOptionsValidation : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var failures = new List<string>();
        SettingsValidation.AtLeast(failures, $"{CatalogOptions.Section}:{nameof(CatalogOptions.ResponseCacheSeconds)}", options.ResponseCacheSeconds, 1);
        return SettingsValidation.Result(failures);
    }
}

internal sealed class LimitsOptionsValidation : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        var failures = new List<string>();
        void Check(string key, double value, double least) => SettingsValidation.AtLeast(failures, $"{LimitsOptions.Section}:{key}", value, least);
        Check(nameof(LimitsOptions.MaxDepth), options.MaxDepth, 1);
        Check(nameof(LimitsOptions.MaxComplexity), options.MaxComplexity, 1);
        Check(nameof(LimitsOptions.MaxAliases), options.MaxAliases, 0);
        Check(nameof(LimitsOptions.MaxDirectives), options.MaxDirectives, 0);
        Check(nameof(LimitsOptions.MaxTokens), options.MaxTokens, 1);
        Check(nameof(LimitsOptions.MaxDocumentLength), options.MaxDocumentLength, 1);
        Check(nameof(LimitsOptions.MaxBodyBytes), options.MaxBodyBytes, 1);
        if (!(options.TimeoutSeconds > 0))
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{LimitsOptions.Section}:{nameof(LimitsOptions.TimeoutSeconds)} must be more than 0 (it is {options.TimeoutSeconds})."));
        Check(nameof(LimitsOptions.RateLimitPermits), options.RateLimitPermits, 0);
        Check(nameof(LimitsOptions.RateLimitWindowSeconds), options.RateLimitWindowSeconds, 1);
        Check(nameof(LimitsOptions.MaxConcurrentRequests), options.MaxConcurrentRequests, 0);
        Check(nameof(LimitsOptions.MaxQueuedRequests), options.MaxQueuedRequests, 0);
        return SettingsValidation.Result(failures);
    }
}
