using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Api.Telemetry;

/// <summary>
/// The commit and UTC time the running build was made from, read from <c>catalog-version.json</c> beside the
/// binaries (written by the build: see Catalog.Api.csproj). Either is "unknown" when the build could not tell.
/// </summary>
public sealed record BuildVersion(string Commit, string BuiltAt)
{
    public const string FileName = "catalog-version.json";
    public const string Unknown = "unknown";

    public static BuildVersion Current { get; } = Read(Path.Combine(AppContext.BaseDirectory, FileName));

    /// <summary>The value of the <c>X-Catalog-Version</c> header: the commit and the build time.</summary>
    [JsonIgnore]
    public string HeaderValue => $"{Commit} {BuiltAt}";

    internal static BuildVersion Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return new BuildVersion(Text(root, "commit"), Text(root, "builtAt"));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new BuildVersion(Unknown, Unknown);
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text ? text : Unknown;
}
