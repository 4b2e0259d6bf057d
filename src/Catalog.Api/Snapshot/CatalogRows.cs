using Catalog.Api.Categories;
using Catalog.Api.Events;
using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;

namespace Catalog.Api.Snapshot;

/// <summary>Every row of the catalog's tables, as read in one transaction: what a snapshot is built from.</summary>
public sealed record CatalogRows(
    List<Technology> Technologies,
    List<TechnologyAlias> Aliases,
    List<TechnologyDefinition> Definitions,
    List<TechnologyCategory> TechnologyCategories,
    List<TechnologyOrganization> Makers,
    List<TechnologyRelation> Relations,
    List<Category> Categories,
    List<Organization> Organizations,
    List<Person> People,
    List<Event> Events,
    List<Talk> Talks,
    List<TalkSpeaker> Speakers,
    List<TalkOrganization> TalkOrganizations,
    List<SourceDocument> Documents,
    List<Section> Sections,
    List<Mention> Mentions);
