using Catalog.Model.Configurations;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// Turns the speakers a write-up names into the draft's people: a person the catalog knows (by handle, else by name)
/// is reused; anyone else becomes one new person for the whole document, however many talks they give. An affiliation
/// written beside a name is the organisation the catalog knows by that name, or else one the draft proposes for the
/// user to confirm. Social and publishing sites are never organisations.
/// </summary>
internal sealed class SpeakerResolver
{
    private readonly Dictionary<string, VocabularyPerson> _knownByHandle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, VocabularyPerson> _knownByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _organizationByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _personSlugs;
    private readonly HashSet<string> _organizationSlugs;
    private readonly Dictionary<string, DraftPerson> _newPeople = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DraftOrganization> _newOrganizations = new(StringComparer.OrdinalIgnoreCase);

    public SpeakerResolver(NotesVocabulary vocabulary)
    {
        foreach (var person in vocabulary.People)
        {
            if (!string.IsNullOrEmpty(person.Handle)) _knownByHandle.TryAdd(person.Handle, person);
            _knownByName.TryAdd(Compact(person.Name), person);
            if (person.Name.StartsWith('@')) _knownByHandle.TryAdd(person.Name[1..], person);
        }
        foreach (var organization in vocabulary.Organizations.Where(o => !IsSite(o)))
        {
            foreach (var form in organization.Forms)
            {
                _organizationByName.TryAdd(Compact(form), organization.Slug);
                _organizationByName.TryAdd(Compact(WithoutCompanyWords(form)), organization.Slug);
            }
        }
        _organizationByName.Remove("");
        _personSlugs = vocabulary.People.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        _organizationSlugs = vocabulary.Organizations.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The speakers the catalog lacks, in the order the notes first name them.</summary>
    public IReadOnlyList<DraftPerson> NewPeople => [.. _newPeople.Values.Distinct().OrderBy(p => p.Line)];

    /// <summary>The affiliations the catalog lacks, proposed as organisations to confirm.</summary>
    public IReadOnlyList<DraftOrganization> NewOrganizations => [.. _newOrganizations.Values.OrderBy(o => o.Line)];

    /// <summary>Whether a known organisation is a social or publishing site, which no speaker works for.</summary>
    public static bool IsSite(VocabularyOrganization organization) => organization.Forms.Prepend(organization.Name).Any(SocialSites.IsSite);

    /// <param name="organizationBefore">A known organisation the line names just before the speaker ("Company の NAME さん").</param>
    public DraftSpeaker Resolve(SpeakerMention mention, int line, string? organizationBefore)
    {
        var person = Known(mention)?.Slug ?? New(mention, line).Slug;
        if (mention.Affiliation is not { } affiliation) return new DraftSpeaker(person, organizationBefore);
        if (_organizationByName.TryGetValue(Compact(affiliation), out var known)
            || _organizationByName.TryGetValue(Compact(WithoutCompanyWords(affiliation)), out known))
            return new DraftSpeaker(person, known);
        if (!_newOrganizations.TryGetValue(Compact(affiliation), out var proposed))
        {
            var slug = Unique(DraftText.Slugify(affiliation, 60) is { Length: > 0 } s ? s : $"organization-{_newOrganizations.Count + 1}", _organizationSlugs);
            _organizationSlugs.Add(slug);
            _newOrganizations[Compact(affiliation)] = proposed = new DraftOrganization(slug, affiliation, line);
        }
        return new DraftSpeaker(person, organizationBefore) { ProposedOrganization = proposed.Slug };
    }

    private VocabularyPerson? Known(SpeakerMention mention) =>
        mention.Handle is { } handle && _knownByHandle.TryGetValue(handle, out var byHandle) ? byHandle
        : !mention.Name.StartsWith('@') && _knownByName.TryGetValue(Compact(mention.Name), out var byName) ? byName
        : null;

    private DraftPerson New(SpeakerMention mention, int line)
    {
        var nameKey = "name:" + Compact(mention.Name);
        var handleKey = mention.Handle is null ? null : "handle:" + mention.Handle;
        if (handleKey is not null && _newPeople.TryGetValue(handleKey, out var seen)) return seen;
        if (!mention.Name.StartsWith('@') && _newPeople.TryGetValue(nameKey, out seen)) return seen;
        // A name in Latin letters makes a readable slug; a name in Japanese makes none, and the handle does.
        var fromName = DraftText.HasJapanese(mention.Name) || mention.Name.StartsWith('@') ? "" : DraftText.Slugify(mention.Name, 60);
        var slug = fromName.Length > 0 ? fromName : DraftText.Slugify(mention.Handle ?? mention.Name, 60);
        slug = Unique(slug.Length > 0 ? slug : $"speaker-{_newPeople.Count + 1}", _personSlugs);
        _personSlugs.Add(slug);
        var person = new DraftPerson(slug, DraftText.Cut(mention.Name, Limits.Name), mention.Handle, line)
        {
            Profile = mention.Profile is { Length: <= Limits.Url } profile ? profile : null,
        };
        if (handleKey is not null) _newPeople[handleKey] = person;
        if (!mention.Name.StartsWith('@')) _newPeople.TryAdd(nameKey, person);
        return person;
    }

    private static string Unique(string slug, HashSet<string> taken)
    {
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var next = $"{slug}-{n}";
            if (!taken.Contains(next)) return next;
        }
    }

    /// <summary>A name as compared: without spaces (Japanese names are written with and without one).</summary>
    private static string Compact(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A company's name without the words that say it is one: "株式会社Example" and "Example, Inc." are Example.</summary>
    private static string WithoutCompanyWords(string name)
    {
        var text = name;
        foreach (var word in (string[])["株式会社", "（株）", "(株)", "合同会社", "有限会社", ", Inc.", " Inc.", " Inc", " Corporation", " Corp.", " Corp", " Co., Ltd.", " Ltd.", " LLC", " K.K."])
            text = text.Replace(word, "", StringComparison.OrdinalIgnoreCase);
        return text.Trim();
    }
}
