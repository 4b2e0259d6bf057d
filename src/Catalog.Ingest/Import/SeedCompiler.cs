using Catalog.Ingest.Linking;
using Catalog.Ingest.Notes;
using Catalog.Model.Configurations;

namespace Catalog.Ingest.Import;

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
        AddDefinitions();
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

        foreach (var extra in catalog.Aliases) Require(technologies, extra.Technology, extra.At, $"The alias '{extra.Alias.Text}'", "technology");
        var aliases = Ambiguities(PlanAliases(technologies), technologies);
        foreach (var technology in catalog.Technologies) CheckTechnology(technology, technologies, categories, organizations);

        var planned = catalog.Documents.Select(PlanDocument).OfType<PlannedDocument>().ToList();
        if (errors.Count > 0) return null;

        var spellings = Spellings(planned, aliases);
        if (errors.Count > 0) return null;
        var mentions = FindMentions(planned, PlanVocabulary.From(catalog, aliases), spellings);
        foreach (var document in mentions.GroupBy(m => m.Document).Where(g => g.Count() > SeedText.MaxMentions))
        {
            var past = document.ElementAt(SeedText.MaxMentions);
            var file = planned.First(d => d.Seed.Slug == document.Key).Notes.File;
            Error(new SeedAt(file, past.Line),
                $"The notes of document '{document.Key}' make {document.Count():N0} mentions of known technologies; a notes file makes at most {SeedText.MaxMentions:N0} (this line holds mention {SeedText.MaxMentions + 1:N0}). Split the write-up into several files.");
        }
        if (errors.Count > 0) return null;
        return new ImportPlan(catalog, aliases, planned, mentions, seedHash);
    }

    /// <summary>Gives each technology named by the top-level <c>definitions</c> list its definition: one per technology.</summary>
    private void AddDefinitions()
    {
        if (catalog.Definitions.Count == 0) return;
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Technologies.Count; i++) positions.TryAdd(catalog.Technologies[i].Slug, i);
        var given = new Dictionary<string, SeedAt>(StringComparer.Ordinal);
        foreach (var extra in catalog.Definitions)
        {
            if (!positions.TryGetValue(extra.Technology, out var i))
                Error(extra.At, $"The definition names an unknown technology '{extra.Technology}'.");
            else if (given.TryGetValue(extra.Technology, out var first))
                Error(extra.At, $"Technology '{extra.Technology}' is defined twice: here and at {first.File}:{first.Line}.");
            else if (catalog.Technologies[i].Definitions.Count > 0)
                Error(extra.At, $"Technology '{extra.Technology}' already has a definition in its entry at {catalog.Technologies[i].At.File}:{catalog.Technologies[i].At.Line}.");
            else
            {
                given[extra.Technology] = extra.At;
                catalog.Technologies[i] = catalog.Technologies[i] with { Definitions = extra.Definitions };
            }
        }
    }

    private void CheckTechnology(
        SeedTechnology technology, Dictionary<string, SeedTechnology> technologies,
        Dictionary<string, SeedCategory> categories, Dictionary<string, SeedOrganization> organizations)
    {
        var what = $"Technology '{technology.Slug}'";
        foreach (var category in technology.Categories) Require(categories, category, technology.At, what, "category");
        if (technology.Categories.Distinct().Count() != technology.Categories.Count) Error(technology.At, $"{what} lists a category twice.");
        foreach (var maker in technology.Organizations) Require(organizations, maker.Organization, maker.At, what, "organization");
        foreach (var definition in technology.Definitions)
        {
            if (definition.Short.Length > Limits.ShortDefinition)
                Error(technology.At, $"{what} has a short '{EnumText<Lang>.ToText(definition.Lang)}' definition of {definition.Short.Length} characters; the limit is {Limits.ShortDefinition}.");
        }
        var seen = new HashSet<(RelationKind, string)>();
        foreach (var relation in technology.Relations)
        {
            if (relation.Target == technology.Slug) Error(relation.At, $"{what} has a relation to itself.");
            else if (Require(technologies, relation.Target, relation.At, what, "technology") && !seen.Add((relation.Kind, relation.Target)))
                Error(relation.At, $"{what} has the relation '{EnumText<RelationKind>.ToText(relation.Kind)} {relation.Target}' twice.");
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
                        Error(at, Twice(technology.Slug, text, same));
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

        // The top-level aliases come after every technology's own forms, so a clash is reported on the extra alias.
        foreach (var extra in catalog.Aliases)
        {
            if (!technologies.TryGetValue(extra.Technology, out var technology)) continue;
            var (alias, forms) = (extra.Alias, plans[technology.Slug].ToList());
            var normalized = TechnologyAlias.Normalize(alias.Text);
            var same = forms.FindIndex(f => f.Normalized == normalized);
            if (normalized.Length is 0 or > Limits.Alias)
                Error(alias.At, $"Technology '{technology.Slug}' has an alias of {normalized.Length} characters; it must be 1 to {Limits.Alias}.");
            else if (same >= 0 && forms[same].Kind != AliasKind.Slug)
                Error(alias.At, Twice(technology.Slug, alias.Text, forms[same]));
            else if (same < 0 && owners.TryGetValue(normalized, out var owner))
                Error(alias.At, $"'{alias.Text}' names both '{owner.Technology.Slug}' ({owner.At.File}:{owner.At.Line}) and '{technology.Slug}'; an alias must lead to one technology.");
            else
            {
                // An alias spelled like the slug takes the slug's place, with its own kind and flags.
                if (same >= 0) forms.RemoveAt(same);
                owners[normalized] = (technology, alias.At);
                forms.Add(new PlannedAlias(alias.Text, normalized, alias.Kind, alias.Lang, alias.CaseSensitive, alias.Match));
                plans[technology.Slug] = forms;
            }
        }
        return plans;
    }

    /// <summary>
    /// Why a form the technology has already is no new alias. One written in another case is how a document writes the
    /// name ("rabbitMQ" for RabbitMQ, whose landscape name links only as written): the document's own spellings say so.
    /// </summary>
    internal static string Twice(string slug, string text, PlannedAlias same)
    {
        var kind = EnumText<AliasKind>.ToText(same.Kind);
        if (text.Trim() == same.Text.Trim()) return $"Technology '{slug}' lists '{text}' twice (as {kind} '{same.Text}').";
        return $"Technology '{slug}' has '{same.Text}' (its {kind}) already, and '{text}' differs from it only in case or width, which makes no new alias. " +
            $"For a document that writes '{text}' for '{slug}', give the document 'spellings: [{{ text: {text}, technology: {slug} }}]'.";
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
        var claims = ClaimHeadings(document);
        var sections = new List<PlannedSection>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int? talkLevel = null; // the level of the talk whose undeclared sub-headings stay part of it
        foreach (var section in parsed.Sections)
        {
            var position = sections.Count;
            if (section.Heading is null)
            {
                sections.Add(new PlannedSection("preamble", SectionKind.Preamble, null, 0, position, section.StartLine, section.EndLine, null));
                continue;
            }
            var occurrence = seen[section.Heading] = seen.GetValueOrDefault(section.Heading) + 1;
            if (claims.Remove((section.Heading, occurrence), out var claim))
            {
                var (slug, kind, talk) = claim switch
                {
                    SeedTalk t => (t.Slug, SectionKind.Talk, t.Slug),
                    SeedSectionEntry e => (e.Slug, e.Kind, (string?)null),
                    _ => throw new InvalidOperationException("A heading is claimed by a talk or a section entry."),
                };
                sections.Add(new PlannedSection(slug, kind, section.Heading, section.Level, position, section.StartLine, section.EndLine, talk));
                talkLevel = talk is null ? null : section.Level;
            }
            else if (talkLevel is { } level && section.Level > level)
            {
                // A sub-heading inside a talk that no entry declares: its lines are the talk's.
                sections[^1] = sections[^1] with { EndLine = section.EndLine };
            }
            else
            {
                var which = occurrence > 1 ? $" It is heading '{section.Heading}' number {occurrence} in the file: an entry for it says 'occurrence: {occurrence}'." : "";
                Error(new SeedAt(path, section.StartLine), $"The heading '{section.Heading}' has no talk in document '{document.Slug}' and no entry in its sections.{which}");
                talkLevel = null;
            }
        }
        foreach (var ((heading, occurrence), claim) in claims)
        {
            var count = seen.GetValueOrDefault(heading);
            var which = occurrence > 1 ? $" (occurrence {occurrence}; the file has {count} such heading{(count == 1 ? "" : "s")})" : "";
            if (claim is SeedTalk talk) Error(talk.At, $"Talk '{talk.Slug}' has no heading '{heading}'{which} in {path}.");
            else if (claim is SeedSectionEntry entry) Error(entry.At, $"Section '{entry.Slug}' has no heading '{heading}'{which} in {path}.");
        }
        return new PlannedDocument(document, content, parsed, sections);
    }

    /// <summary>
    /// Which heading of a document each talk and section entry stands for: its heading text (a talk's title when it
    /// gives none) and which occurrence of that text (the first unless it says). Two entries may not claim one heading.
    /// </summary>
    private Dictionary<(string Heading, int Occurrence), object> ClaimHeadings(SeedDocument document)
    {
        var claims = new Dictionary<(string, int), object>();
        var slugs = new HashSet<string>(StringComparer.Ordinal) { "preamble" };
        void Claim(object entry, string slug, string heading, int? occurrence, SeedAt at)
        {
            if (slug.Length > 0 && !slugs.Add(slug)) Error(at, $"The slug '{slug}' names two sections of document '{document.Slug}' (talks, section entries and 'preamble' share the document's section slugs).");
            var key = (heading.Trim(), occurrence ?? 1);
            if (claims.TryGetValue(key, out var other))
            {
                var first = other is SeedTalk t ? $"talk '{t.Slug}'" : $"section '{((SeedSectionEntry)other).Slug}'";
                Error(at, $"'{slug}' claims the heading '{key.Item1}' (occurrence {key.Item2}), which {first} claims already; " +
                    "when the notes repeat a heading, give each entry its 'occurrence' (1 for the first, 2 for the second, ...).");
            }
            else claims[key] = entry;
        }
        foreach (var entry in document.Sections)
        {
            if (entry.Kind is SectionKind.Talk or SectionKind.Preamble)
                Error(entry.At, $"Section '{entry.Slug}' has the kind '{EnumText<SectionKind>.ToText(entry.Kind)}': a talk is a 'talks' entry, and the preamble is the lines before the first heading.");
            else Claim(entry, entry.Slug, entry.Heading, entry.Occurrence, entry.At);
        }
        foreach (var talk in catalog.Talks.Where(t => t.Document == document.Slug))
            Claim(talk, talk.Slug, talk.Heading ?? talk.Title, talk.Occurrence, talk.At);
        return claims;
    }

    /// <summary>
    /// Each linkable form with why it is ambiguous in running text: the seed's <c>linking</c> list decides where it names
    /// the form, the word lists (<see cref="NameAmbiguity"/>) elsewhere; a reading in kana is ambiguous when one of its
    /// technology's Latin names is.
    /// </summary>
    private Dictionary<string, IReadOnlyList<PlannedAlias>> Ambiguities(
        Dictionary<string, IReadOnlyList<PlannedAlias>> plans, Dictionary<string, SeedTechnology> technologies)
    {
        var marked = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var entry in catalog.Linking) marked[TechnologyAlias.Normalize(entry.Name)] = entry.Ambiguous;
        string? Reason(string text) =>
            marked.TryGetValue(TechnologyAlias.Normalize(text), out var ambiguous) ? (ambiguous ? NameAmbiguity.Marked : null) : NameAmbiguity.Reason(text);
        foreach (var (slug, forms) in plans.ToList())
        {
            var linkable = forms.Where(f => f.Match && f.Kind != AliasKind.Slug).ToList();
            var latinAmbiguous = linkable.Where(f => !NameAmbiguity.IsKana(f.Text)).Any(f => Reason(f.Text) is not null)
                || Reason(technologies[slug].Name) is not null;
            plans[slug] = forms.Select(f => !linkable.Contains(f) ? f
                : f with
                {
                    Ambiguity = !NameAmbiguity.IsKana(f.Text) ? Reason(f.Text)
                    : marked.ContainsKey(TechnologyAlias.Normalize(f.Text)) ? Reason(f.Text)
                    : latinAmbiguous ? NameAmbiguity.Reading : null
                }).ToList();
        }
        return plans;
    }

    /// <summary>Each document's own spellings, with the technology each means there (named by its slug or any of its names).</summary>
    private Dictionary<string, IReadOnlyDictionary<string, string>> Spellings(
        List<PlannedDocument> documents, IReadOnlyDictionary<string, IReadOnlyList<PlannedAlias>> aliases)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slug, forms) in aliases)
            foreach (var form in forms) owners.TryAdd(form.Normalized, slug);
        var all = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var spelling in document.Seed.Spellings)
            {
                if (!owners.TryGetValue(TechnologyAlias.Normalize(spelling.Technology), out var slug))
                    Error(spelling.At, $"The spelling '{spelling.Text}' of document '{document.Seed.Slug}' means '{spelling.Technology}', which is no technology's slug or name.");
                else if (!spellings.TryAdd(spelling.Text.Trim(), slug))
                    Error(spelling.At, $"Document '{document.Seed.Slug}' gives the spelling '{spelling.Text}' twice.");
            }
            all[document.Seed.Slug] = spellings;
        }
        return all;
    }

    /// <summary>The mentions of each section: its lines, read together, as the linker decides them.</summary>
    private static List<PlannedMention> FindMentions(List<PlannedDocument> documents, LinkVocabulary vocabulary,
        Dictionary<string, IReadOnlyDictionary<string, string>> spellings)
    {
        var linker = new Linker(vocabulary);
        var mentions = new List<PlannedMention>();
        foreach (var document in documents)
        {
            foreach (var section in document.Sections)
            {
                var lines = new List<string>(section.EndLine - section.StartLine + 1);
                for (var line = section.StartLine; line <= section.EndLine; line++) lines.Add(document.Notes.Line(line));
                foreach (var link in linker.Decide(lines, spellings[document.Seed.Slug]).OrderBy(l => l.Block).ThenBy(l => l.Start))
                {
                    var text = lines[link.Block];
                    mentions.Add(new PlannedMention(document.Seed.Slug, section.Slug, link.Slug, TechnologyAlias.Normalize(link.Form),
                        section.StartLine + link.Block, link.Start + 1, text.Substring(link.Start, link.Length), text));
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
