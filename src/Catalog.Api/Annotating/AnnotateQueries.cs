using Catalog.Api.Graph;
using Catalog.Api.Linking;
using Catalog.Api.Snapshot;
using Catalog.Ingest.Annotating;
using Catalog.Ingest.Import;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Annotating;

/// <summary><c>annotate</c>: a post with the linker's decisions applied, for blogs that run no scripts.</summary>
public sealed class AnnotateQueries : IQueryFields
{
    // A function of the text, the arguments and the snapshot: it writes nothing.
    public bool ReadsTheSnapshot => true;

    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<AnnotationType>>("annotate")
            .Description(
                "Annotates a post for a blog that runs no scripts (the same as the `notes annotate` command): each name the catalog's linker decides " +
                "means a technology (the post read as a whole, as an import reads notes) becomes a link to `glossaryUrl`, or without one an " +
                "`<abbr title>` with the short definition; only the first occurrence of each technology unless `all`. Code, existing links, " +
                "headings, front matter, addresses and HTML tags stay as they are. A glossary section in the post's language (\"Glossary\", " +
                "「用語集」) ends it, with the name and short definition of every technology linked. Writes nothing. A post over the notes' limits " +
                $"({SeedText.MaxFileBytes:N0} bytes, lines of {SeedText.MaxLineLength:N0} characters) is refused with BAD_USER_INPUT and `extensions.line`.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "The post: Markdown or HTML, as `format` says.")
            .Argument<LangType>("lang", "The post's language, for the glossary section and the definitions; detected from its text when not given.")
            .Argument<AnnotateFormatType>("format", a => { a.DefaultValue = AnnotateFormat.Markdown; a.Description = "What the post is written in."; })
            .Argument<StringGraphType>("glossaryUrl",
                $"Where each technology's glossary page is, with `{Annotator.SlugPlaceholder}` for its slug (`https://glossary.example/t/{Annotator.SlugPlaceholder}`): " +
                $"an absolute http(s) address of at most {Annotator.MaxUrlLength:N0} characters. Without it, names become `<abbr title>` elements.")
            .Argument<BooleanGraphType>("all", a => { a.DefaultValue = false; a.Description = "Link every occurrence, rather than the first of each technology."; })
            .Resolve(c =>
            {
                var text = c.GetArgument<string>("text");
                var url = c.GetArgument<string?>("glossaryUrl");
                if (SeedText.Check("text", text, notes: true).FirstOrDefault() is { } problem)
                {
                    throw new ExecutionError($"The text cannot be annotated: line {problem.Line}: {problem.Message}")
                    {
                        Code = ErrorCodes.BadUserInput,
                        Extensions = new Dictionary<string, object?> { ["line"] = problem.Line },
                    };
                }
                if (url is not null && Annotator.UrlProblem(url) is { } urlProblem)
                    throw new ExecutionError(urlProblem) { Code = ErrorCodes.BadUserInput, Extensions = new Dictionary<string, object?> { ["argument"] = "glossaryUrl" } };
                var catalog = c.Catalog();
                var options = new AnnotateOptions(c.GetArgument<Lang?>("lang"), c.GetArgument("format", AnnotateFormat.Markdown), url, c.GetArgument("all", false));
                return Annotator.Annotate(text, options, SnapshotLinking.Of(catalog), (slug, lang) => SnapshotTerms.Define(catalog, slug, lang));
            });
}
