using Catalog.Api.Events;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using GraphQL.Types;

namespace Catalog.Api.Notes;

public sealed class SourceDocumentType : ObjectGraphType<SourceDocument>
{
    public SourceDocumentType()
    {
        Name = "SourceDocument";
        Description = "A notes file: its metadata, its text and its sections.";
        this.IsNode(d => d.Id);
        Field(d => d.Slug).Description("The unique, URL-safe key.");
        Field(d => d.Title).Description("The title of the post.");
        Field(d => d.Blog, nullable: true).Description("The blog it was posted on.");
        Field(d => d.Author, nullable: true).Description("The author's id on the blog.");
        Field(d => d.Language).Description("The language of the notes (ja, en).");
        Field<DateOnlyGraphType>("publishedOn").Description("The day it was published, when known.").Resolve(c => c.Source.PublishedOn);
        Field(d => d.Url, nullable: true).Description("The post's address, when known.");
        Field(d => d.Path).Description("The file's path in the seed folder, or the path it was imported under with `importNotes`.");
        Field<EventType>("event").Description("The event the notes are about.").Resolve(c => c.Source.EventId is { } id ? c.Catalog().Events[id] : null);
        Field(d => d.Content).Description("The whole text, as Markdown; line N is line N of the original post.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionType>>>>("sections")
            .Description("The sections, in order.")
            .Resolve(c => c.Catalog().SectionsOf[c.Source.Id]);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
