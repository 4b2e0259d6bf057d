using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Technologies;
using GraphQL.Types;

namespace Catalog.Api.Glossary;

public sealed class GlossaryEntryType : ObjectGraphType<GlossaryEntry>
{
    public GlossaryEntryType()
    {
        Name = "GlossaryEntry";
        Description = "One technology as a glossary widget shows it: the terms to underline in running text, and the tooltip's content.";
        Field(e => e.Slug).Description("The technology's slug, for `technology(slug:)` and links.");
        Field(e => e.Name).Description("The usual spelling of the name, for the tooltip's heading.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("terms")
            .Description("The forms to link in running text, ignoring case: the name and every alias that links in text (readings, the notes' spellings...). Case-sensitive forms are in `caseSensitiveTerms`.")
            .Resolve(c => c.Source.Terms);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("caseSensitiveTerms")
            .Description("The forms to link in running text only with exactly this case (\"Heat\", \"CI\"), because other cases are ordinary words.")
            .Resolve(c => c.Source.CaseSensitiveTerms);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("contextTerms")
            .Description("Forms that are also ordinary words or everyday names (\"Helm\", \"Kafka\", \"ポッド\"): they link only where the text around them is about the technology, as the widget and `annotate` decide; not in `terms` or `caseSensitiveTerms`.")
            .Resolve(c => c.Source.ContextTerms);
        Field(e => e.Definition, nullable: true)
            .Description("The short definition in the language asked for or, when there is none in it, in the other language (see `definitionLang`): written for the catalog, or composed from the facts it holds (see `definitionSource`).");
        Field<LangType>("definitionLang").Description("The language `definition` is written in; null when there is no definition.").Resolve(c => c.Source.DefinitionLang);
        Field<DefinitionSourceType>("definitionSource")
            .Description("Whether `definition` was written for the catalog or composed from the facts it holds; null when there is no definition.")
            .Resolve(c => c.Source.DefinitionSource);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories")
            .Description("The names of its categories in the language asked for, primary first.")
            .Resolve(c => c.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("talks")
            .Description("The titles of the talks whose notes mention it, in the order of the notes.")
            .Resolve(c => c.Source.Talks);
        Field(e => e.Url, nullable: true).Description("Where to read more: the homepage, else the source repository; null when it has neither.");
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
