using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Deploy;

/// <summary>A kustomization rendered by <c>kubectl kustomize</c> and checked by the validator (validate/validate.mjs).</summary>
public sealed class Rendering(string kustomization, IReadOnlyList<JsonObject> objects, IReadOnlyList<string> problems)
{
    public string Kustomization { get; } = kustomization;
    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    /// <summary>Schema violations and unknown fields, as "Kind/name: problem".</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => (string?)o["metadata"]!["name"] == name)
        ?? throw new Xunit.Sdk.XunitException($"{Kustomization} has no {kind} {name}.");

    /// <summary>A ConfigMap or Secret by the name a manifest refers to (kustomize adds a hash suffix to generated ones).</summary>
    public JsonObject? Named(string kind, string name) => OfKind(kind).SingleOrDefault(o => (string?)o["metadata"]!["name"] == name);

    /// <summary>The container's environment read as the service reads it.</summary>
    public ServiceEnvironment ServiceEnvironment(JsonObject container)
    {
        var parts = (container["env"]?.AsArray() ?? [])
            .SelectMany(e => Deploy.ServiceEnvironment.Reference().Matches((string?)e!["value"] ?? "").Select(m => m.Groups[1].Value));
        return new ServiceEnvironment(Environment(container), parts);
    }

    /// <summary>
    /// A container's environment as Kubernetes gives it: envFrom ConfigMaps first, then env in order with $(NAME)
    /// expanded. Values from Secrets are shown as <c>secret:name/key</c> (or the Secret's value when it is in the rendering).
    /// </summary>
    public Dictionary<string, string> Environment(JsonObject container)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
        {
            var name = (string)source!["configMapRef"]!["name"]!;
            var map = Named("ConfigMap", name) ?? throw new Xunit.Sdk.XunitException($"envFrom names ConfigMap {name}, which {Kustomization} lacks.");
            foreach (var (key, value) in map["data"]!.AsObject()) variables[key] = (string)value!;
        }
        foreach (var item in container["env"]?.AsArray() ?? [])
        {
            var name = (string)item!["name"]!;
            string value;
            if (item["value"] is { } literal)
            {
                value = Deploy.ServiceEnvironment.Reference().Replace((string)literal!, m => variables.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
            }
            else
            {
                var secret = item["valueFrom"]!["secretKeyRef"]!;
                var data = Named("Secret", (string)secret["name"]!)?["data"]?[(string)secret["key"]!];
                value = data is null
                    ? $"secret:{secret["name"]}/{secret["key"]}"
                    : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(((string)data!).Where(c => !char.IsWhiteSpace(c)))));
            }
            variables[name] = value;
        }
        return variables;
    }
}

/// <summary>Renders each kustomization once per test run.</summary>
public sealed class Manifests
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Rendering>>> _renderings = new(StringComparer.Ordinal);

    public Task<Rendering> RenderAsync(string kustomization) =>
        _renderings.GetOrAdd(kustomization, k => new Lazy<Task<Rendering>>(() => RenderNowAsync(k))).Value;

    private static async Task<Rendering> RenderNowAsync(string kustomization)
    {
        var rendered = await Command.RunAsync("kubectl", ["kustomize", Path.Combine(DeployFiles.Kustomizations, kustomization)]);
        Assert.True(rendered.ExitCode == 0, $"kubectl kustomize {kustomization} failed: {rendered}");
        return await ValidateAsync(kustomization, rendered.Output);
    }

    /// <summary>Runs the validator on YAML (one or more documents).</summary>
    public static async Task<Rendering> ValidateAsync(string label, string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"catalog-manifests-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        try
        {
            var validated = await Command.RunAsync("node", ["validate.mjs", file], DeployFiles.Validator);
            Assert.True(validated.ExitCode == 0, $"The validator failed on {label}: {validated}");
            var result = JsonNode.Parse(validated.Output)!;
            return new Rendering(
                label,
                result["objects"]!.AsArray().Select(o => o!.AsObject()).ToList(),
                result["problems"]!.AsArray().Select(p => (string)p!).ToList());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
