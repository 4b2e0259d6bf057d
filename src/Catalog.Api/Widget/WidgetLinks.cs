using System.Text.Json;
using Catalog.Api.Graph.Http;
using Catalog.Api.Graph.Input;
using Catalog.Api.Linking;
using Catalog.Ingest.Linking;

namespace Catalog.Api.Widget;

/// <summary>
/// The widget's question for the names it cannot decide alone: a page's article text as blocks (one per paragraph,
/// list item, table cell ..., inline code between backticks, the addresses of its links as text), answered with the
/// ambiguous occurrences that <see cref="SnapshotLinking"/>'s linker links in each block, the same decision as every
/// other path that links (the unambiguous ones the widget links by itself, so they are left out of the answer). The
/// body is JSON, <c>{"blocks": ["...", ...]}</c>; the answer <c>{"version": "12", "links": [[[start, length, id], ...],
/// ...]}</c>, one list per block in the order sent, spans in UTF-16 code units as the page's script counts them.
/// </summary>
public static class WidgetLinks
{
    /// <summary>Blocks a request may hold; the request body limit (<c>MaxBodyBytes</c>) bounds their text.</summary>
    public const int MaxBlocks = 2000;

    /// <summary>The blocks of a request body, or what is wrong with it (a stable code and a readable message).</summary>
    public static (string Code, string Message)? Parse(string body, out List<string> blocks)
    {
        blocks = [];
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            if (GraphQLRequestReader.LoneSurrogateEscape(body) is { } lone)
                return (UnsafeText.Code, $"The body holds a lone surrogate ({lone}) in a string; such characters are not accepted.");
            return (ErrorCodes.BadBlocks, $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): send {{\"blocks\": [\"text\", ...]}}.");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("blocks", out var array) || array.ValueKind != JsonValueKind.Array)
                return (ErrorCodes.BadBlocks, "The body must be a JSON object with 'blocks', an array of strings: {\"blocks\": [\"text\", ...]}.");
            var count = array.GetArrayLength();
            if (count > MaxBlocks)
                return (ErrorCodes.TooManyBlocks, $"At most {MaxBlocks} blocks per request; {count} were given.");
            var at = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String) return (ErrorCodes.BadBlocks, $"Block {at} is not a string: 'blocks' is an array of strings.");
                string text;
                try
                {
                    text = item.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    // JSON may spell half a surrogate pair as an escape; no string can hold it.
                    var escape = GraphQLRequestReader.LoneSurrogateEscape(item.GetRawText()) ?? "an invalid escape";
                    return (UnsafeText.Code, $"Block {at} holds a lone surrogate ({escape}); such characters are not accepted.");
                }
                if (UnsafeText.Problem(text) is { } problem) return (UnsafeText.Code, $"Block {at} holds {problem}; such characters are not accepted.");
                blocks.Add(text);
                at++;
            }
        }
        return null;
    }

    /// <summary>The ambiguous occurrences <paramref name="linker"/> links in <paramref name="blocks"/>, grouped by block, as technology ids.</summary>
    public static byte[] Answer(Linker linker, long version, IReadOnlyDictionary<string, int> ids, IReadOnlyList<string> blocks)
    {
        var decisions = Decided(linker, blocks).ToLookup(d => d.Block);
        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes))
        {
            json.WriteStartObject();
            json.WriteString("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartArray("links");
            for (var block = 0; block < blocks.Count; block++)
            {
                json.WriteStartArray();
                foreach (var decision in decisions[block].OrderBy(d => d.Start))
                {
                    if (!ids.TryGetValue(decision.Slug, out var id)) continue;
                    json.WriteStartArray();
                    json.WriteNumberValue(decision.Start);
                    json.WriteNumberValue(decision.Length);
                    json.WriteNumberValue(id);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return bytes.ToArray();
    }

    /// <summary>The decisions the answer lists: those of ambiguous names, which the widget cannot make alone.</summary>
    public static IEnumerable<LinkDecision> Decided(Linker linker, IReadOnlyList<string> blocks) =>
        linker.Decide(blocks).Where(d => d.Evidence != Linker.NameAlone);

    /// <summary>Whether the body is sent as JSON: <c>application/json</c>, or <c>text/plain</c>, which a page's script
    /// may send to another origin without a preflight request.</summary>
    public static bool IsAcceptedMediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }
}
