using Catalog.Api.Data.Configurations;
using Catalog.Api.Notes;
using Catalog.Api.Technologies;

namespace Catalog.Api.Import;

/// <summary>
/// Checks a read seed as a whole (unique slugs, every reference resolves, every heading has an entry and every
/// entry a heading, no alias claimed twice) and computes the mentions. Reports every problem it finds.
/// </summary>
internal sealed class SeedCompiler(SeedCatalog catalog, IReadOnlyDictionary<string, string> notes, List<SeedError> errors)
{
    public ImportPlan? Compile(string seedHash)
    {
        var events = Index(catalog.Events, e => e.Slug, e => e.At, "event");
        var categories = Index(catalog.Categories, c => c.Slug, c => c.At, "category");
        var organizations = Index(catalog.Organizations, o => o.Slug, o => o.At, "organization");
        var people = Index(catalog.People, p => p.Slug, p => p.At, "person");
        var documents = Index(catalog.Documents, d => d.Slug, d => d.At, "document");
        Index(catalog.Talks, t => t.Slug, t => t.At, "talk");
        var technologies = Index(catalog.Technologies, t => t.Slug, t => t.At, "technology");

        foreach (var category in catalog.Categories)
        {
            if (category.Parent is null) continue;
            if (!categories.TryGetValue(category.Parent, out var parent)) Error(category.At, $"Category '{category.Slug}' has an unknown parent '{category.Parent}'.");
            else if (parent.Parent is not null) Error(category.At, $"Category '{category.Slug}' is under '{parent.Slug}', which is itself a subcategory: the tree has two levels.");
        }
        foreach (var organization in catalog.Organizations)
        {
            if (organization.Parent is { } parent && (!organizations.ContainsKey(parent) || parent == organization.Slug))
                Error(organization.At, $"Organization '{organization.Slug}' has an unknown parent '{parent}'.");
        }
        foreach (var talk in catalog.Talks)
        {
            if (Require(documents, talk.Document, talk.At, $"Talk '{talk.Slug}'", "document") && documents[talk.Document].Event is null)
                Error(talk.At, $"Talk '{talk.Slug}' is in document '{talk.Document}', which names no event.");
            foreach (var speaker in talk.Speakers)
            {
                Require(people, speaker.Person, speaker.At, $"Talk '{talk.Slug}'", "person");
                if (speaker.Organization is { } org) Require(organizations, org, speaker.At, $"Talk '{talk.Slug}'", "organization");
            }
            foreach (var org in talk.Organizations) Require(organizations, org, talk.At, $"Talk '{talk.Slug}'", "organization");
        }
        foreach (var document in catalog.Documents)
        {
            if (document.Event is { } ev) Require(events, ev, document.At, $"Document '{document.Slug}'", "event");
            if (document.Language is not ("ja" or "en")) Error(document.At, $"Document '{document.Slug}' has language '{document.Language}'; expected ja or en.");
        }

        var aliases = PlanAliases(technologies);
        foreach (var technology in catalog.Technologies) CheckTechnology(technology, technologies, categories, organizations);

        var planned = catalog.Documents.Select(PlanDocument).OfType<PlannedDocument>().ToList();
        if (errors.Count > 0) return null;

        var mentions = FindMentions(planned, aliases);
        return new ImportPlan(catalog, aliases, planned, mentions, seedHash);
    }

    private void CheckTechnology(
        SeedTechnology technology, Dictionary<string, SeedTechnology> technologies,
        Dictionary<string, SeedCategory> categories, Dictionary<string, SeedOrganization> organizations)
    {
        var what = $"Technology '{technology.Slug}'";
        if (technology.Name.Length > Limits.Name) Error(technology.At, $"{what} has a name longer than {Limits.Name} characters.");
        foreach (var category in technology.Categories) Require(categories, category, technology.At, what, "category");
        if (technology.Categories.Distinct().Count() != technology.Categories.Count) Error(technology.At, $"{what} lists a category twice.");
        foreach (var maker in technology.Organizations) Require(organizations, maker.Organization, maker.At, what, "organization");
        foreach (var definition in technology.Definitions)
        {
            if (definition.Short.Length > Limits.ShortDefinition)
                Error(technology.At, $"{what} has a short '{Data.EnumText<Lang>.ToText(definition.Lang)}' definition of {definition.Short.Length} characters; the limit is {Limits.ShortDefinition}.");
        }
        var seen = new HashSet<(RelationKind, string)>();
        foreach (var relation in technology.Relations)
        {
            if (relation.Target == technology.Slug) Error(relation.At, $"{what} has a relation to itself.");
            else if (Require(technologies, relation.Target, relation.At, what, "technology") && !seen.Add((relation.Kind, relation.Target)))
                Error(relation.At, $"{what} has the relation '{Data.EnumText<RelationKind>.ToText(relation.Kind)} {relation.Target}' twice.");
        }
    }

    /// <summary>Each technology's name, aliases and slug, with one owner per look-up key across the catalog.</summary>
    private Dictionary<string, IReadOnlyList<PlannedAlias>> PlanAliases(Dictionary<string, SeedTechnology> technologies)
    {
        var owners = new Dictionary<string, (SeedTechnology Technology, SeedAt At)>(StringComparer.Ordinal);
        var plans = new Dictionary<string, IReadOnlyList<PlannedAlias>>(StringComparer.Ordinal);
        foreach (var technology in technologies.Values)
        {
            var forms = new List<PlannedAlias>();
            void Add(string text, AliasKind kind, Lang? lang, bool caseSensitive, bool match, SeedAt at)
            {
                var normalized = TechnologyAlias.Normalize(text);
                if (normalized.Length is 0 or > Limits.Alias)
                {
                    Error(at, $"Technology '{technology.Slug}' has an alias of {normalized.Length} characters; it must be 1 to {Limits.Alias}.");
                    return;
                }
                if (forms.Find(f => f.Normalized == normalized) is { } same)
                {
                    if (kind != AliasKind.Slug && same.Kind != AliasKind.Slug)
                        Error(at, $"Technology '{technology.Slug}' lists '{text}' twice (as {Data.EnumText<AliasKind>.ToText(same.Kind)} '{same.Text}'); case does not make a new alias.");
                    return;
                }
                if (owners.TryGetValue(normalized, out var owner))
                {
                    Error(at, $"'{text}' names both '{owner.Technology.Slug}' ({owner.At.File}:{owner.At.Line}) and '{technology.Slug}'; an alias must lead to one technology.");
                    return;
                }
                owners[normalized] = (technology, at);
                forms.Add(new PlannedAlias(text, normalized, kind, lang, caseSensitive, match));
            }

            Add(technology.Name, AliasKind.Name, null, technology.NameCaseSensitive, technology.NameMatches, technology.At);
            foreach (var alias in technology.Aliases) Add(alias.Text, alias.Kind, alias.Lang, alias.CaseSensitive, alias.Match, alias.At);
            Add(technology.Slug, AliasKind.Slug, null, false, false, technology.At);
            plans[technology.Slug] = forms;
        }
        return plans;
    }

    private PlannedDocument? PlanDocument(SeedDocument document)
    {
        var path = document.File.Replace('\\', '/');
        if (!notes.TryGetValue(path, out var content))
        {
            Error(document.At, $"Document '{document.Slug}' names the file '{document.File}', which is not among the notes ({string.Join(", ", notes.Keys)}).");
            return null;
        }
        var parsed = NotesParser.Parse(path, content);
        var talks = catalog.Talks.Where(t => t.Document == document.Slug).ToList();
        var unmatchedTalks = talks.ToHashSet();
        var unmatchedSections = document.Sections.ToHashSet();
        var sections = new List<PlannedSection>();
        foreach (var section in parsed.Sections)
        {
            var position = sections.Count;
            if (section.Heading is null)
            {
                sections.Add(new PlannedSection("preamble", SectionKind.Preamble, null, 0, position, section.StartLine, section.EndLine, null));
                continue;
            }
            var talk = talks.Find(t => (t.Heading ?? t.Title).Trim() == section.Heading);
            var entry = document.Sections.FirstOrDefault(s => s.Heading.Trim() == section.Heading);
            if (talk is not null && entry is not null)
                Error(new SeedAt(path, section.StartLine), $"The heading '{section.Heading}' matches both talk '{talk.Slug}' and section '{entry.Slug}'.");
            else if (talk is not null && unmatchedTalks.Remove(talk))
                sections.Add(new PlannedSection(talk.Slug, SectionKind.Talk, section.Heading, section.Level, position, section.StartLine, section.EndLine, talk.Slug));
            else if (entry is not null && unmatchedSections.Remove(entry))
                sections.Add(new PlannedSection(entry.Slug, entry.Kind, section.Heading, section.Level, position, section.StartLine, section.EndLine, null));
            else if (talk is null && entry is null)
                Error(new SeedAt(path, section.StartLine), $"The heading '{section.Heading}' has no talk in document '{document.Slug}' and no entry in its sections.");
            else
                Error(new SeedAt(path, section.StartLine), $"The heading '{section.Heading}' appears more than once.");
        }
        foreach (var talk in unmatchedTalks)
            Error(talk.At, $"Talk '{talk.Slug}' has no heading '{talk.Heading ?? talk.Title}' in {path}.");
        foreach (var entry in unmatchedSections)
            Error(entry.At, $"Section '{entry.Slug}' has no heading '{entry.Heading}' in {path}.");
        return new PlannedDocument(document, content, parsed, sections);
    }

    private static List<PlannedMention> FindMentions(List<PlannedDocument> documents, IReadOnlyDictionary<string, IReadOnlyList<PlannedAlias>> aliases)
    {
        var matcher = new AliasMatcher(aliases.SelectMany(p => p.Value
            .Where(a => a.Match)
            .Select(a => new MatchForm(a.Text, p.Key + "\n" + a.Normalized, a.CaseSensitive))));
        var mentions = new List<PlannedMention>();
        foreach (var document in documents)
        {
            foreach (var section in document.Sections)
            {
                for (var line = section.StartLine; line <= section.EndLine; line++)
                {
                    var text = document.Notes.Line(line);
                    foreach (var match in matcher.Find(text))
                    {
                        var target = match.Form.Target.Split('\n');
                        mentions.Add(new PlannedMention(document.Seed.Slug, section.Slug, target[0], target[1], line, match.Start + 1,
                            text.Substring(match.Start, match.Length), text));
                    }
                }
            }
        }
        return mentions;
    }

    private Dictionary<string, T> Index<T>(List<T> items, Func<T, string> slug, Func<T, SeedAt> at, string what)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = slug(item);
            if (key.Length == 0) continue;
            if (index.TryGetValue(key, out var first))
                Error(at(item), $"The {what} slug '{key}' is already used at {at(first).File}:{at(first).Line}.");
            else index[key] = item;
        }
        return index;
    }

    private bool Require<T>(Dictionary<string, T> index, string slug, SeedAt at, string who, string what)
    {
        if (index.ContainsKey(slug)) return true;
        Error(at, $"{who} refers to the {what} '{slug}', which does not exist.");
        return false;
    }

    private void Error(SeedAt at, string message) => errors.Add(new SeedError(at.File, at.Line, message));
}
