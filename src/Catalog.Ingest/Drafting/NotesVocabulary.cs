using Catalog.Ingest.Import;
using Catalog.Ingest.Linking;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// A spelling a technology is known by: its name, an alias or its slug, with how it may be matched in text; an ambiguous
/// one (an ordinary word) links only with evidence.
/// </summary>
public sealed record VocabularyForm(string Text, bool CaseSensitive, bool Match, bool Ambiguous = false);

/// <summary>A technology the catalog knows, with every form it is known by (its name among them).</summary>
public sealed record VocabularyTechnology(string Slug, string Name, IReadOnlyList<VocabularyForm> Forms);

/// <summary>A person the catalog knows, by the name the notes write and their handle.</summary>
public sealed record VocabularyPerson(string Slug, string Name, string? Handle);

/// <summary>An organisation the catalog knows, with its names (English, Japanese) and aliases.</summary>
public sealed record VocabularyOrganization(string Slug, string Name, IReadOnlyList<string> Forms);

/// <summary>An event the catalog knows.</summary>
public sealed record VocabularyEvent(string Slug, string Name);

/// <summary>
/// What a draft needs to know of the catalog: the technologies, people and organisations to find in the notes,
/// and the slugs already taken, so that the draft's new entries do not clash with them.
/// </summary>
public sealed record NotesVocabulary(
    IReadOnlyList<VocabularyTechnology> Technologies,
    IReadOnlyList<VocabularyPerson> People,
    IReadOnlyList<VocabularyOrganization> Organizations,
    IReadOnlyList<VocabularyEvent> Events,
    IReadOnlySet<string> DocumentSlugs,
    IReadOnlySet<string> TalkSlugs)
{
    public static NotesVocabulary Empty { get; } = new([], [], [], [], new HashSet<string>(), new HashSet<string>());

    /// <summary>What linking knows of the catalog, so the draft's mentions are the ones an import will record.</summary>
    public LinkVocabulary? Linking { get; init; }

    /// <summary>The vocabulary of a checked seed (the seed folder, for the command line).</summary>
    public static NotesVocabulary From(ImportPlan plan) => new(
        plan.Catalog.Technologies.Select(t => new VocabularyTechnology(t.Slug, t.Name,
            plan.Aliases.TryGetValue(t.Slug, out var forms)
                ? forms.Select(f => new VocabularyForm(f.Text, f.CaseSensitive, f.Match, f.Ambiguity is not null)).ToList()
                : [new VocabularyForm(t.Name, false, true)])).ToList(),
        plan.Catalog.People.Select(p => new VocabularyPerson(p.Slug, p.Name, p.Handle)).ToList(),
        plan.Catalog.Organizations.Select(o => new VocabularyOrganization(o.Slug, o.Name,
            new[] { o.Name, o.NameJa }.Concat(o.Aliases).OfType<string>().Distinct(StringComparer.Ordinal).ToList())).ToList(),
        plan.Catalog.Events.Select(e => new VocabularyEvent(e.Slug, e.Name)).ToList(),
        plan.Catalog.Documents.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal),
        plan.Catalog.Talks.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal))
    {
        Linking = PlanVocabulary.From(plan.Catalog, plan.Aliases),
    };
}
