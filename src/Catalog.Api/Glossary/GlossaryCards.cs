using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;

namespace Catalog.Api.Glossary;

/// <summary>
/// What the widget's tooltips show for the technologies a page links, in one language, as JSON:
/// <code>
/// {"version":"12","lang":"ja","entries":[{"id":7,"slug":"istio","name":"Istio","definition":"...","definitionLang":"ja",
///   "categories":["..."],"talks":["..."],"talkCount":1,"url":"https://istio.io/"}, ...]}
/// </code>
/// Entries in ascending id order, one per known id asked for (unknown ids are left out); a field with no value
/// (no definition, no talk, no URL) is left out; <c>talks</c> holds the first <see cref="TalksShown"/> titles in the
/// order of the notes and <c>talkCount</c> how many there are. Each technology's part is written once per snapshot and
/// language, on first use.
/// </summary>
public sealed class GlossaryCards(CatalogSnapshot catalog, Lang lang)
{
    public const int TalksShown = 4;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<int, byte[]> _cards = new();

    /// <summary>The answer for <paramref name="ids"/>, which must be in ascending order, each once.</summary>
    public byte[] Write(IReadOnlyList<int> ids)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + ids.Count * 400);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", catalog.Version.ToString(CultureInfo.InvariantCulture));
            json.WriteString("lang", Code(lang));
            json.WritePropertyName("entries");
            json.WriteStartArray();
            foreach (var id in ids)
                if (catalog.Technologies.TryGetValue(id, out var technology))
                    json.WriteRawValue(_cards.GetOrAdd(id, _ => Card(technology)), skipInputValidation: true);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private byte[] Card(Technology technology)
    {
        var entry = GlossaryBuilder.Entry(catalog, technology, lang);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("id", entry.TechnologyId);
            json.WriteString("slug", entry.Slug);
            json.WriteString("name", entry.Name);
            if (entry.Definition is { } definition)
            {
                json.WriteString("definition", definition);
                json.WriteString("definitionLang", Code(entry.DefinitionLang!.Value));
                // Only a composed definition says where it comes from: the written ones are the rule.
                if (entry.DefinitionSource == DefinitionSource.Facts) json.WriteBoolean("facts", true);
            }
            // The CNCF maturity ("maturity": "graduated", ...) belongs here once technologies carry it; the widget
            // already shows it when present.
            if (entry.Categories.Count > 0)
            {
                json.WriteStartArray("categories");
                foreach (var category in entry.Categories) json.WriteStringValue(category);
                json.WriteEndArray();
            }
            if (entry.Talks.Count > 0)
            {
                json.WriteStartArray("talks");
                foreach (var talk in entry.Talks.Take(TalksShown)) json.WriteStringValue(talk);
                json.WriteEndArray();
                json.WriteNumber("talkCount", entry.Talks.Count);
            }
            if (entry.Url is { } url) json.WriteString("url", url);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Code(Lang value) => value == Lang.Ja ? "ja" : "en";
}
