using System.ComponentModel;

namespace Catalog.Ingest.Annotating;

/// <summary>What a post is written in; its annotated copy is written in the same.</summary>
public enum AnnotateFormat
{
    [Description("Markdown (CommonMark with GitHub's tables): links as `[name](url \"definition\")`, or `<abbr title=\"definition\">name</abbr>` without a glossary URL.")]
    Markdown,

    [Description("HTML, a fragment or a whole page: links as `<a href title>`, or `<abbr title>` without a glossary URL.")]
    Html,
}
