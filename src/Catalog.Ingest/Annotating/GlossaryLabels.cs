using Catalog.Model.Technologies;

namespace Catalog.Ingest.Annotating;

/// <summary>The words of the glossary section in the post's language; the note on a composed definition is the widget's.</summary>
internal sealed record GlossaryLabels(string Heading, string Separator, string Composed, string Open, string Close)
{
    public static GlossaryLabels Of(Lang lang) => lang == Lang.Ja
        ? new("用語集", "：", "カタログの情報から自動で作成した説明", "（", "）")
        : new("Glossary", ": ", "Composed from the catalog's facts", " (", ")");
}
