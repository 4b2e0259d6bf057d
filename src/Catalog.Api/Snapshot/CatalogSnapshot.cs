using Catalog.Api.Categories;
using Catalog.Api.Events;
using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;

namespace Catalog.Api.Snapshot;

/// <summary>
/// The whole catalog at one version, in memory: every entity and an index for every look-up the schema offers.
/// Immutable once built (nothing may change an entity reached from here), so any number of requests read it at
/// once without locks, and a request that holds it sees one version from start to end.
/// </summary>
public sealed class CatalogSnapshot
{
    private static readonly IReadOnlyList<Technology> NoTechnologies = [];

    private readonly Dictionary<string, Technology> _technologyByKey;
    private readonly Dictionary<string, Category> _categoryByKey;
    private readonly Dictionary<string, Person> _personByKey;
    private readonly Dictionary<int, IReadOnlyList<Technology>> _inCategory;
    private readonly Dictionary<int, IReadOnlyList<Technology>> _inCategoryWithChildren;
    private readonly Dictionary<int, HashSet<int>> _inCategorySet = [];
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string[]> _lines = new();
    private readonly Lazy<Paths.TechnologyGraph> _graph;
    private readonly Lazy<Search.SearchIndex> _search;
    private readonly Glossary.GlossaryEntry[]?[] _glossaries = new Glossary.GlossaryEntry[]?[Enum.GetValues<Lang>().Length];

    public CatalogSnapshot(long version, DateTimeOffset builtAt, bool imported, CatalogRows rows)
    {
        Version = version;
        BuiltAt = builtAt;
        Imported = imported;

        Technologies = rows.Technologies.ToDictionary(t => t.Id);
        Categories = rows.Categories.ToDictionary(c => c.Id);
        Organizations = rows.Organizations.ToDictionary(o => o.Id);
        People = rows.People.ToDictionary(p => p.Id);
        Events = rows.Events.ToDictionary(e => e.Id);
        Talks = rows.Talks.ToDictionary(t => t.Id);
        Documents = rows.Documents.ToDictionary(d => d.Id);
        Sections = rows.Sections.ToDictionary(s => s.Id);
        Mentions = rows.Mentions.ToDictionary(m => m.Id);
        Aliases = rows.Aliases.ToDictionary(a => a.Id);
        Relations = rows.Relations.ToDictionary(r => r.Id);

        _technologyByKey = new Dictionary<string, Technology>(rows.Aliases.Count, StringComparer.Ordinal);
        foreach (var alias in rows.Aliases) _technologyByKey[alias.Normalized] = Technologies[alias.TechnologyId];

        // The large tables (hundreds of thousands of rows at 1000x the seed) are ordered once by a comparison, not
        // by LINQ's key sorts, and grouped in that order.
        TechnologiesByName = ByName(rows.Technologies, t => t.Name);
        TechnologiesByMentions = Sorted(rows.Technologies, static (a, b) => b.MentionCount != a.MentionCount ? b.MentionCount.CompareTo(a.MentionCount) : a.Id.CompareTo(b.Id));

        var aliases = Sorted(rows.Aliases, static (a, b) => a.Id.CompareTo(b.Id));
        AllAliasesOf = Groups.Of(aliases, a => a.TechnologyId);
        AliasesOf = Groups.Of(aliases, a => a.TechnologyId, a => a.Kind is not (AliasKind.Name or AliasKind.Slug));
        MatchTermsOf = Groups.Of([.. aliases.Where(a => a.Match && a.Kind == AliasKind.Name), .. aliases.Where(a => a.Match && a.Kind != AliasKind.Name)], a => a.TechnologyId);
        DefinitionsOf = Groups.Of(Sorted(rows.Definitions, static (a, b) => a.Lang != b.Lang ? ((int)a.Lang).CompareTo((int)b.Lang) : a.Id.CompareTo(b.Id)), d => d.TechnologyId);
        CategoriesOf = Groups<Category>.Of(
            Sorted(rows.TechnologyCategories, static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.CategoryId.CompareTo(b.CategoryId)),
            tc => tc.TechnologyId, tc => Categories[tc.CategoryId]);
        MakersOf = Group(rows.Makers.OrderBy(m => m.Role).ThenBy(m => m.OrganizationId), m => m.TechnologyId);
        TechnologiesOfOrganization = Group(rows.Makers.OrderBy(m => m.TechnologyId), m => m.OrganizationId);
        var facts = new Dictionary<int, IReadOnlyList<TechnologyDefinition>>();
        foreach (var technology in rows.Technologies)
        {
            if (DefinitionsOf[technology.Id].Count > 0) continue;
            facts[technology.Id] = FactsDefinition.Compose(technology, [.. MakersOf[technology.Id].Select(m => Organizations[m.OrganizationId])], CategoriesOf[technology.Id]);
        }
        _factsOf = facts;
        RelationsOf = Group(
            rows.Relations.OrderBy(r => r.Id).SelectMany(r => new[]
            {
                (Key: r.FromId, View: new RelationView(r, RelationDirection.Outgoing)),
                (Key: r.ToId, View: new RelationView(r, RelationDirection.Incoming)),
            }),
            x => x.Key, x => x.View);

        // Categories: the tree, look-up by slug, then by alias or name, and each category's members by name.
        TopCategories = [.. rows.Categories.Where(c => c.ParentId is null).OrderBy(c => c.Position).ThenBy(c => c.Id)];
        ChildrenOf = Group(rows.Categories.Where(c => c.ParentId is not null).OrderBy(c => c.Position).ThenBy(c => c.Id), c => c.ParentId!.Value);
        _categoryByKey = new Dictionary<string, Category>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in rows.Categories.OrderByDescending(c => c.Id))
        {
            foreach (var alias in c.Aliases) _categoryByKey[alias.Trim()] = c;
            _categoryByKey[c.NameJa] = c;
            _categoryByKey[c.NameEn] = c;
        }
        foreach (var c in rows.Categories) _categoryByKey[c.Slug] = c;
        // Walking the technologies once in name order fills every list in that order, with no sort per category; a
        // technology's additions come together, so one in several subcategories of a parent is added to it once.
        var categoriesOf = rows.TechnologyCategories.ToLookup(tc => tc.TechnologyId, tc => tc.CategoryId);
        var inCategory = rows.Categories.ToDictionary(c => c.Id, _ => new List<Technology>());
        var inCategoryWithChildren = rows.Categories.ToDictionary(c => c.Id, _ => new List<Technology>());
        foreach (var technology in TechnologiesByName)
        {
            foreach (var categoryId in categoriesOf[technology.Id])
            {
                AddOnce(inCategory[categoryId], technology);
                AddOnce(inCategoryWithChildren[categoryId], technology);
                if (Categories[categoryId].ParentId is { } parentId) AddOnce(inCategoryWithChildren[parentId], technology);
            }
        }
        _inCategory = inCategory.ToDictionary(x => x.Key, x => (IReadOnlyList<Technology>)x.Value);
        _inCategoryWithChildren = inCategoryWithChildren.ToDictionary(x => x.Key, x => (IReadOnlyList<Technology>)x.Value);

        // Organisations and people.
        OrganizationsBySlug = rows.Organizations.ToDictionary(o => o.Slug, StringComparer.Ordinal);
        OrganizationsByName = ByName(rows.Organizations, o => o.Name);
        PeopleByName = ByName(rows.People, p => p.Name);
        _personByKey = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var p in rows.People.OrderByDescending(p => p.Id))
            if (p.Handle is { } handle) _personByKey[handle.ToLowerInvariant()] = p;
        foreach (var p in rows.People) _personByKey[p.Slug] = p;

        // Events, documents and sections.
        EventsBySlug = rows.Events.ToDictionary(e => e.Slug, StringComparer.Ordinal);
        EventsLatestFirst = [.. rows.Events.OrderBy(e => e.Date is null ? 0 : 1).ThenByDescending(e => e.Date).ThenBy(e => e.Id)];
        DocumentsBySlug = rows.Documents.ToDictionary(d => d.Slug, StringComparer.Ordinal);
        DocumentsInOrder = [.. rows.Documents.OrderBy(d => d.Id)];
        DocumentsOfEvent = Group(rows.Documents.Where(d => d.EventId is not null).OrderBy(d => d.Id), d => d.EventId!.Value);
        SectionsOf = Group(rows.Sections.OrderBy(s => s.Position).ThenBy(s => s.Id), s => s.DocumentId);
        SectionOfTalk = rows.Sections.Where(s => s.TalkId is not null).GroupBy(s => s.TalkId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Position).First());

        // Talks: orders, people, organisations, and what their sections mention.
        TalksBySlug = rows.Talks.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        TalksInOrder = [.. rows.Talks.OrderBy(t => t.Position).ThenBy(t => t.Id)];
        TalksByTitle = ByName(rows.Talks, t => t.Title);
        TalksOfEvent = Group(TalksInOrder, t => t.EventId);
        SpeakersOf = Group(
            rows.Speakers.OrderBy(s => s.Position).Select(s => new TalkSpeaker
            {
                TalkId = s.TalkId, PersonId = s.PersonId, Position = s.Position, OrganizationId = s.OrganizationId, Person = People[s.PersonId],
            }),
            s => s.TalkId);
        OrganizationsOfTalk = Group(rows.TalkOrganizations.OrderBy(o => o.Position), o => o.TalkId, o => Organizations[o.OrganizationId]);
        var talkRank = Rank(TalksInOrder);
        TalksOfOrganization = Group(rows.TalkOrganizations.OrderBy(o => talkRank[o.TalkId]), o => o.OrganizationId, o => Talks[o.TalkId]);
        TalksOfPerson = Group(rows.Speakers.OrderBy(s => talkRank[s.TalkId]), s => s.PersonId, s => Talks[s.TalkId]);
        var spokeFor = rows.Speakers.Where(s => s.OrganizationId is not null).ToLookup(s => s.OrganizationId!.Value, s => s.PersonId);
        PeopleOfOrganization = rows.Organizations.ToDictionary(o => o.Id, o => spokeFor[o.Id].ToHashSet());
        OrganizationsWithTalks = rows.TalkOrganizations.Select(o => o.OrganizationId).ToHashSet();

        // Mentions: per technology in line order; per talk in line order; a technology's talks in the order of
        // the notes (the first section of each talk that mentions it).
        var inLineOrder = Sorted(rows.Mentions, static (a, b) =>
            a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Column != b.Column ? a.Column.CompareTo(b.Column)
            : a.SectionId != b.SectionId ? a.SectionId.CompareTo(b.SectionId)
            : a.Id.CompareTo(b.Id));
        MentionsOf = Groups.Of(inLineOrder, m => m.TechnologyId);
        var talkMentions = inLineOrder.Where(m => Sections[m.SectionId].TalkId is not null).ToList();
        MentionsOfTalk = Groups.Of(talkMentions, m => Sections[m.SectionId].TalkId!.Value);
        TechnologiesOfTalk = MentionsOfTalk.All.ToDictionary(
            g => g.Key, g => (IReadOnlyList<Technology>)g.Value.Select(m => m.TechnologyId).Distinct().Select(id => Technologies[id]).ToArray());
        TalksOf = talkMentions
            .GroupBy(m => m.TechnologyId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Talk>)g
                .GroupBy(m => Sections[m.SectionId].TalkId!.Value)
                .Select(t => (Talk: Talks[t.Key], Position: t.Min(m => Sections[m.SectionId].Position)))
                .OrderBy(x => x.Position).ThenBy(x => x.Talk.Id)
                .Select(x => x.Talk).ToArray());
        var mentionedAt = talkMentions.Select(m => (Event: Talks[Sections[m.SectionId].TalkId!.Value].EventId, m.TechnologyId)).Distinct();
        TechnologiesOfEvent = mentionedAt.GroupBy(x => x.Event).ToDictionary(g => g.Key, g => g.Select(x => x.TechnologyId).ToHashSet());

        _graph = new Lazy<Paths.TechnologyGraph>(() => Paths.TechnologyGraph.Build(this));
        _search = new Lazy<Search.SearchIndex>(() => new Search.SearchIndex(this));
    }

    /// <summary>The catalog version this snapshot shows: it grows with every committed change.</summary>
    public long Version { get; }

    public DateTimeOffset BuiltAt { get; }

    /// <summary>False until a seed has been imported into the database (an empty catalog is not one to serve).</summary>
    public bool Imported { get; }

    public IReadOnlyDictionary<int, Technology> Technologies { get; }
    public IReadOnlyDictionary<int, TechnologyAlias> Aliases { get; }
    public IReadOnlyDictionary<int, TechnologyRelation> Relations { get; }
    public IReadOnlyDictionary<int, Category> Categories { get; }
    public IReadOnlyDictionary<int, Organization> Organizations { get; }
    public IReadOnlyDictionary<int, Person> People { get; }
    public IReadOnlyDictionary<int, Event> Events { get; }
    public IReadOnlyDictionary<int, Talk> Talks { get; }
    public IReadOnlyDictionary<int, SourceDocument> Documents { get; }
    public IReadOnlyDictionary<int, Section> Sections { get; }
    public IReadOnlyDictionary<long, Mention> Mentions { get; }

    /// <summary>Every technology by <see cref="NameKey"/>, then id: the order of <c>technologies</c> and the glossary.</summary>
    public IReadOnlyList<Technology> TechnologiesByName { get; }
    public IReadOnlyList<Technology> TechnologiesByMentions { get; }
    public Groups<TechnologyAlias> AliasesOf { get; }

    /// <summary>Every form of each technology, its name and slug included.</summary>
    public Groups<TechnologyAlias> AllAliasesOf { get; }

    /// <summary>The forms linked in running text, the name first.</summary>
    public Groups<TechnologyAlias> MatchTermsOf { get; }
    /// <summary>The definitions written for each technology (the seed's, or set through the API).</summary>
    public Groups<TechnologyDefinition> DefinitionsOf { get; }

    private readonly Dictionary<int, IReadOnlyList<TechnologyDefinition>> _factsOf;

    /// <summary>
    /// What a technology is, one definition per language: the written ones, or for a technology no one has defined,
    /// sentences composed from the catalog's facts about it (<see cref="FactsDefinition"/>).
    /// </summary>
    public (IReadOnlyList<TechnologyDefinition> Definitions, DefinitionSource Source) DefinitionsFor(int technologyId) =>
        _factsOf.TryGetValue(technologyId, out var facts) ? (facts, DefinitionSource.Facts) : (DefinitionsOf[technologyId], DefinitionSource.Curated);
    public Groups<Category> CategoriesOf { get; }
    public Groups<TechnologyOrganization> MakersOf { get; }
    public Groups<RelationView> RelationsOf { get; }
    public Groups<Mention> MentionsOf { get; }
    public IReadOnlyDictionary<int, IReadOnlyList<Talk>> TalksOf { get; }

    public IReadOnlyList<Category> TopCategories { get; }
    public Groups<Category> ChildrenOf { get; }

    public IReadOnlyDictionary<string, Organization> OrganizationsBySlug { get; }
    public IReadOnlyList<Organization> OrganizationsByName { get; }
    public Groups<TechnologyOrganization> TechnologiesOfOrganization { get; }
    public Groups<Talk> TalksOfOrganization { get; }
    public IReadOnlyDictionary<int, HashSet<int>> PeopleOfOrganization { get; }
    public IReadOnlySet<int> OrganizationsWithTalks { get; }

    public IReadOnlyList<Person> PeopleByName { get; }
    public Groups<Talk> TalksOfPerson { get; }

    public IReadOnlyDictionary<string, Event> EventsBySlug { get; }
    public IReadOnlyList<Event> EventsLatestFirst { get; }
    public Groups<Talk> TalksOfEvent { get; }
    public Groups<SourceDocument> DocumentsOfEvent { get; }
    public IReadOnlyDictionary<int, HashSet<int>> TechnologiesOfEvent { get; }

    public IReadOnlyDictionary<string, SourceDocument> DocumentsBySlug { get; }
    public IReadOnlyList<SourceDocument> DocumentsInOrder { get; }
    public Groups<Section> SectionsOf { get; }

    public IReadOnlyDictionary<string, Talk> TalksBySlug { get; }
    public IReadOnlyList<Talk> TalksInOrder { get; }
    public IReadOnlyList<Talk> TalksByTitle { get; }
    public Groups<TalkSpeaker> SpeakersOf { get; }
    public Groups<Organization> OrganizationsOfTalk { get; }
    public IReadOnlyDictionary<int, IReadOnlyList<Technology>> TechnologiesOfTalk { get; }
    public Groups<Mention> MentionsOfTalk { get; }
    public IReadOnlyDictionary<int, Section> SectionOfTalk { get; }

    /// <summary>The graph that <c>path</c> searches, made on first use.</summary>
    public Paths.TechnologyGraph Graph => _graph.Value;

    /// <summary>The index that <c>search</c> reads, made on first use.</summary>
    public Search.SearchIndex SearchIndex => _search.Value;

    /// <summary>The sort key of names and titles: lower case, compared ordinally.</summary>
    public static string NameKey(string name) => name.ToLowerInvariant();

    /// <summary>A technology by its slug, name or any alias (normalised as <see cref="TechnologyAlias.Normalize"/>).</summary>
    public Technology? FindTechnology(string text)
    {
        var key = TechnologyAlias.Normalize(text);
        return _technologyByKey.GetValueOrDefault(key);
    }

    /// <summary>A category by slug, or else by alias or name, ignoring case.</summary>
    public Category? FindCategory(string text) => _categoryByKey.GetValueOrDefault(text.Trim());

    /// <summary>A person by slug or handle, with or without the @, ignoring case.</summary>
    public Person? FindPerson(string text) => _personByKey.GetValueOrDefault(text.Trim().TrimStart('@').ToLowerInvariant());

    /// <summary>The technologies of a category (and of its subcategories, if asked), by name, each once.</summary>
    public IReadOnlyList<Technology> TechnologiesIn(int categoryId, bool includeSubcategories) =>
        (includeSubcategories ? _inCategoryWithChildren : _inCategory).GetValueOrDefault(categoryId) ?? NoTechnologies;

    /// <summary>The ids of <see cref="TechnologiesIn"/>, for filtering another order by membership.</summary>
    public HashSet<int> TechnologyIdsIn(int categoryId, bool includeSubcategories)
    {
        var key = includeSubcategories ? ~categoryId : categoryId;
        lock (_gate)
        {
            if (!_inCategorySet.TryGetValue(key, out var set))
                _inCategorySet[key] = set = [.. TechnologiesIn(categoryId, includeSubcategories).Select(t => t.Id)];
            return set;
        }
    }

    /// <summary>A section's lines of its document, as Markdown.</summary>
    public string SectionText(Section section)
    {
        var lines = _lines.GetOrAdd(section.DocumentId, id => Documents[id].Content.Split('\n'));
        var start = Math.Clamp(section.StartLine - 1, 0, lines.Length);
        return string.Join('\n', lines, start, Math.Clamp(section.EndLine - section.StartLine + 1, 0, lines.Length - start));
    }

    /// <summary>The glossary in one language, made on first use and kept with the snapshot.</summary>
    public IReadOnlyList<Glossary.GlossaryEntry> Glossary(Lang lang)
    {
        ref var slot = ref _glossaries[(int)lang];
        return Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, Api.Glossary.GlossaryBuilder.Build(this, lang), null) ?? slot!;
    }

    private static Dictionary<int, int> Rank<T>(IReadOnlyList<T> ordered) where T : Data.IEntity
    {
        var rank = new Dictionary<int, int>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++) rank[ordered[i].Id] = i;
        return rank;
    }

    private static void AddOnce(List<Technology> list, Technology technology)
    {
        if (list.Count == 0 || list[^1] != technology) list.Add(technology);
    }

    private static Groups<T> Group<T>(IEnumerable<T> items, Func<T, int> key) => Groups.Of([.. items], key);

    private static Groups<TValue> Group<T, TValue>(IEnumerable<T> items, Func<T, int> key, Func<T, TValue> value) =>
        Groups<TValue>.Of([.. items], key, value);

    /// <summary>The items in the given order, sorted only if they did not come in it (rows read in key order).</summary>
    private static T[] Sorted<T>(List<T> items, Comparison<T> order)
    {
        var sorted = items.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (order(sorted[i - 1], sorted[i]) <= 0) continue;
            Array.Sort(sorted, order);
            break;
        }
        return sorted;
    }

    /// <summary>The entities by <see cref="NameKey"/> of their name, then id, each key made once.</summary>
    private static T[] ByName<T>(List<T> items, Func<T, string> name) where T : Data.IEntity
    {
        var sorted = items.ToArray();
        var keys = Array.ConvertAll(sorted, item => (Name: NameKey(name(item)), item.Id));
        Array.Sort(keys, sorted, Comparer<(string Name, int Id)>.Create(static (a, b) =>
            string.CompareOrdinal(a.Name, b.Name) is var c and not 0 ? c : a.Id.CompareTo(b.Id)));
        return sorted;
    }
}
