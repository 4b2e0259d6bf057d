using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using Catalog.Ingest.Annotating;
using GraphQL.Types;

namespace Catalog.Api.Annotating;

public sealed class AnnotatedTermType : ObjectGraphType<AnnotatedTerm>
{
    public AnnotatedTermType()
    {
        Name = "AnnotatedTerm";
        Description = "An entry of the glossary section `annotate` appends: a technology the post links, in the order of its first link.";
        Field<NonNullGraphType<TechnologyType>>("technology")
            .Description("The technology.")
            .Resolve(c => c.Catalog().FindTechnology(c.Source.Slug));
        Field(t => t.Name).Description("Its name, as the glossary section writes it.");
        Field(t => t.Definition, nullable: true).Description("Its short definition in the post's language (else in the other one), as the glossary section and the links' titles write it.");
        Field<NonNullGraphType<DefinitionSourceType>>("definitionSource")
            .Description("Whether the definition was written for the catalog or composed from the facts it holds (the glossary section says so after a composed one).")
            .Resolve(c => c.Source.Composed ? DefinitionSource.Facts : DefinitionSource.Curated);
        Field(t => t.Url, nullable: true).Description("Its glossary page: `glossaryUrl` with the slug in place of `{slug}`; null when no `glossaryUrl` was given.");
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
