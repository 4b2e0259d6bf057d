using System.Text;

namespace Catalog.Ingest.Annotating;

/// <summary>Escaping for HTML text and attribute values: the five characters that could end or start markup.</summary>
internal static class Html
{
    public static string Text(string text) => Escape(text, quotes: false);

    public static string Attribute(string text) => Escape(text, quotes: true);

    private static string Escape(string text, bool quotes)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when quotes => "&quot;",
                '\'' when quotes => "&#39;",
                '\r' or '\n' or '\t' when quotes => " ",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
