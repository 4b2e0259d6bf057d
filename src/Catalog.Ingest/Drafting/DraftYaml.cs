using System.Globalization;
using System.Text;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// Writes a draft as catalog YAML (seed/README.md): the entries the importer reads, and as comments what the user
/// decides (the event's facts to fill in, speakers and technologies the catalog lacks, spellings to link).
/// </summary>
internal static class DraftYaml
{
    /// <summary>How many terms the catalog lacks are listed beside each talk (all are in the summary at the end).</summary>
    private const int CandidatesPerEntry = 8;

    /// <summary>How many terms the catalog lacks get a technology entry to uncomment, most frequent first.</summary>
    private const int StubCount = 20;

    /// <summary>
    /// A lacking term's kind: a concept when written in lower case in words ("blue green deploy", "chaos engineering"),
    /// a project otherwise (names are capitalised, CamelCase, acronyms or carry digits).
    /// </summary>
    public static string KindOf(string term) =>
        term.Contains(' ', StringComparison.Ordinal) && term.All(c => !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c)) ? "concept" : "project";

    public static string Write(DraftDocument draft)
    {
        var yaml = new StringBuilder();
        void Line(string text = "") => yaml.Append(text).Append('\n');
        void Comment(string indent, string text) => Line($"{indent}# {DraftText.Comment(text, 160)}");
        // The opening lines name paths, which may be long: they wrap at spaces rather than lose their end.
        void Paragraph(string text)
        {
            foreach (var line in WrapWords(DraftText.Comment(text, 2000), 118)) Line($"# {line}");
        }

        var talks = draft.Entries.Where(e => e.Heading.Kind == SectionKind.Talk).ToList();
        var sections = draft.Entries.Where(e => e.Heading.Kind != SectionKind.Talk).ToList();
        Paragraph($"Catalog entries drafted from {draft.NotesPath} by `notes draft`: import this file as {draft.CatalogPath} with the notes.");
        Paragraph("Fill in the lines marked FILL IN, check the talks and sections against the post, then import (see seed/README.md).");
        Paragraph($"Found {talks.Count} talks, {sections.Count} other sections, {draft.Entries.Sum(e => e.SubHeadings.Count)} sub-headings kept in their talks, " +
            $"{draft.MentionCount} mentions of {draft.TechnologyCount} known technologies, {draft.NearMisses.Count(n => !n.LookUpOnly)} near-miss spellings, " +
            $"{draft.Candidates.Count} terms the catalog lacks" + (draft.Speakers.Count > 0 ? $", {draft.Speakers.Count} speakers it lacks." : "."));
        foreach (var line in draft.HeadingTooLong)
            Comment("", $"The heading at line {line} is longer than {Catalog.Model.Configurations.Limits.Title} characters: shorten it in the notes before importing.");
        Line();

        if (draft.EventSlug is not null)
        {
            Line("events:");
            Line($"  - slug: {draft.EventSlug}");
            if (draft.KnownEvent is { } known)
                Comment("    ", $"The catalog has an event '{known.Slug}' ({known.Name}): for these notes of it, delete this entry and write 'event: {known.Slug}' below.");
            Line("    name:                # FILL IN: the event's name, e.g. KubeCon + CloudNativeCon Europe");
            Line("    date:                # FILL IN: its first day as YYYY-MM-DD (leave it empty if unknown)");
            Line("    # edition:           # e.g. 2019, v18.04");
            Line("    # city:");
            Line("    # homepage: https://...");
            Line();
        }
        else Comment("", "The post writes up no event: its document has sections and mentions but no talks.");

        Line("documents:");
        Line($"  - slug: {draft.DocumentSlug}");
        Line($"    file: {Scalar(draft.NotesPath)}");
        Line($"    title: {Scalar(draft.Title)}");
        Line($"    language: {draft.Language}");
        if (draft.EventSlug is not null) Line($"    event: {draft.EventSlug}");
        Line("    # author:");
        Line(draft.Post?.Published is { } published ? $"    published: {published}" : "    # published: YYYY-MM-DD");
        Line(draft.Post?.Url is { } url ? $"    url: {Scalar(url)}" : "    # url: https://...       # where the post is published");
        if (draft.Post is { Tags.Count: > 0 } tagged) Comment("    ", "tags: " + string.Join(", ", tagged.Tags));
        if (sections.Count == 0) Line("    sections: []");
        else
        {
            Line("    sections:");
            foreach (var entry in sections)
            {
                var h = entry.Heading;
                var occurrence = h.Occurrence > 1 ? $", occurrence: {h.Occurrence}" : "";
                Line($"      - {{ slug: {entry.Slug}, heading: {Scalar(h.Text, flow: true)}, kind: {EnumText<SectionKind>.ToText(h.Kind!.Value)}{occurrence} }}   # line {h.Line}");
                Findings("        ", entry, Comment);
            }
        }
        Line();

        var speakerSlugs = draft.Speakers.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var people = talks.SelectMany(t => t.Findings.UnknownPeople).Where(p => !speakerSlugs.Contains(p.Slug)).DistinctBy(p => p.Slug).ToList();
        Line("people:");
        if (draft.Speakers.Count > 0) Comment("  ", "The speakers the notes link under their talks whom the catalog lacks: check the names (as the post writes them).");
        foreach (var person in draft.Speakers) Line($"  - {PersonEntry(person)}   # line {person.Line}");
        if (people.Count > 0) Comment("  ", "Other people the notes name whom the catalog lacks: uncomment those who spoke, check the name, and list them under their talk's speakers.");
        foreach (var person in people) Comment("  ", $"- {PersonEntry(person)}   # line {person.Line}");
        Line();

        if (draft.Affiliations.Count > 0)
        {
            Line("organizations:");
            Comment("  ", "Affiliations written beside speakers that the catalog lacks: uncomment one to add it, then name it on the speaker (see the talks).");
            foreach (var organization in draft.Affiliations)
                Comment("  ", $"- {{ slug: {organization.Slug}, name: {Scalar(organization.Name, flow: true)}, kind: company }}   # line {organization.Line}");
            Line();
        }

        Line(talks.Count == 0 ? "talks: []" : "talks:");
        foreach (var talk in talks)
        {
            var h = talk.Heading;
            Line($"  - slug: {talk.Slug}");
            Line($"    document: {draft.DocumentSlug}");
            Line($"    title: {Scalar(talk.Title!)}");
            if (talk.Title != h.Text) Line($"    heading: {Scalar(h.Text)}");
            if (h.Occurrence > 1) Line($"    occurrence: {h.Occurrence}   # the heading's occurrence number {h.Occurrence} in the notes");
            if (talk.Time is { } time) Line($"    time: {Scalar(time)}");
            if (talk.Track is { } track) Line($"    track: {Scalar(track)}");
            Comment("    ", $"lines {h.Line}-{h.EndLine}" + (talk.SubHeadings.Count > 0
                ? "; sub-headings kept in this talk: " + string.Join(", ", talk.SubHeadings.Select(s => $"line {s.Line} \"{s.Text}\""))
                : ""));
            Findings("    ", talk, Comment);
            var speakers = talk.Findings.Speakers;
            if (speakers.Count > 0)
            {
                Line("    speakers:");
                foreach (var speaker in speakers)
                {
                    var entry = speaker.Organization is null ? $"      - {{ person: {speaker.Person} }}" : $"      - {{ person: {speaker.Person}, organization: {speaker.Organization} }}";
                    Line(speaker.ProposedOrganization is { } proposed
                        ? $"{entry}   # affiliation: uncomment '{proposed}' under organizations, then add 'organization: {proposed}' here"
                        : entry);
                }
            }
            foreach (var person in talk.Findings.UnknownPeople)
                Comment("    ", $"speaker the catalog lacks? {person.Name} (line {person.Line}): see people above, then '- {{ person: {person.Slug} }}' under speakers");
            if (talk.Findings.Organizations.Count > 0) Line($"    organizations: [{string.Join(", ", talk.Findings.Organizations)}]");
            Line();
        }

        var spellings = draft.NearMisses.Where(n => !n.LookUpOnly).DistinctBy(n => n.Text.ToUpperInvariant()).ToList();
        Line("aliases:");
        if (spellings.Count > 0) Comment("  ", "Spellings of known technologies that the notes use: uncomment an entry to link its mentions.");
        foreach (var spelling in spellings)
        {
            Comment("  ", $"- {{ technology: {spelling.Technology}, text: {Scalar(spelling.Text, flow: true)}, kind: notes-spelling }}   " +
                $"# line {spelling.Line}, like \"{spelling.Form}\" ({spelling.Similarity.ToString("0.00", CultureInfo.InvariantCulture)})");
        }
        Line();

        Comment("", "Technologies the catalog lacks: uncomment the entry of each the notes are about and complete it (every key is in seed/README.md).");
        Comment("", "technologies:");
        foreach (var candidate in draft.Candidates.Take(StubCount))
        {
            var slug = DraftText.Slugify(candidate.Text, 80);
            if (slug.Length == 0) continue;
            Comment("", $"  - slug: {slug}");
            Comment("", $"    name: {Scalar(candidate.Text)}");
            Comment("", $"    kind: {KindOf(candidate.Text)}   # {(KindOf(candidate.Text) == "concept" ? "a practice or idea" : "a thing one installs or uses")}; {Counted(candidate)}");
            Comment("", "    categories: []       # FILL IN: a category slug (seed/catalog/categories.yaml)");
            Comment("", "    definition: { en: One or two sentences of your own., ja: 自分の言葉で一、二文。, source: https://... }");
        }
        if (draft.Candidates.Count > StubCount)
        {
            foreach (var line in Wrap("More terms the notes use that the catalog lacks: ", draft.Candidates.Skip(StubCount).Take(40).Select(Counted))) Comment("", line);
        }
        return yaml.ToString();
    }

    /// <summary>The comments beside an entry: its known technologies, near-miss spellings and terms the catalog lacks.</summary>
    private static void Findings(string indent, DraftEntry entry, Action<string, string> comment)
    {
        var findings = entry.Findings;
        if (findings.Mentions.Count > 0)
        {
            foreach (var line in Wrap("known: ", findings.Mentions.Select(m => $"{m.Name} ({Lines(m.Lines)})"))) comment(indent, line);
        }
        foreach (var miss in findings.NearMisses.DistinctBy(n => (n.Text, n.Line)))
        {
            comment(indent, miss.LookUpOnly
                ? $"look-up only: \"{miss.Text}\" (line {miss.Line}) is {miss.Name}'s form \"{miss.Form}\", which is not matched in text"
                : $"near miss: \"{miss.Text}\" (line {miss.Line}) looks like {miss.Name} (\"{miss.Form}\"): see aliases below");
        }
        if (findings.Candidates.Count > 0)
        {
            foreach (var line in Wrap("not in the catalog: ", findings.Candidates.Take(CandidatesPerEntry).Select(Counted))) comment(indent, line);
        }
    }

    /// <summary>A person's entry as a flow mapping: slug, name, and the handle and profile page when known.</summary>
    private static string PersonEntry(DraftPerson person)
    {
        var handle = person.Handle is null ? "" : $", handle: {Scalar(person.Handle, flow: true)}";
        var profile = person.Profile is null ? "" : $", profile: {Scalar(person.Profile, flow: true)}";
        return $"{{ slug: {person.Slug}, name: {Scalar(person.Name, flow: true)}{handle}{profile} }}";
    }

    /// <summary>A text as lines of at most <paramref name="width"/> characters, broken at spaces (a longer word stays whole).</summary>
    private static IEnumerable<string> WrapWords(string text, int width)
    {
        var line = new StringBuilder();
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append("  ");
                empty = true;
            }
            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }
        if (!empty) yield return line.ToString();
    }

    /// <summary>A list as comment lines of about 110 characters, the first starting with a label.</summary>
    private static IEnumerable<string> Wrap(string label, IEnumerable<string> items)
    {
        var line = new StringBuilder(label);
        var empty = true;
        foreach (var item in items)
        {
            if (!empty && line.Length + item.Length > 110)
            {
                yield return line.Append(',').ToString();
                line.Clear().Append("  ");
                empty = true;
            }
            line.Append(empty ? "" : ", ").Append(item);
            empty = false;
        }
        if (!empty) yield return line.ToString();
    }

    private static string Counted(DraftCandidate c) => c.Count > 1 ? $"{c.Text} ({Lines(c.Lines)}; {c.Count}x)" : $"{c.Text} ({Lines(c.Lines)})";

    private static string Lines(IReadOnlyList<int> lines) =>
        lines.Count <= 6 ? string.Join(", ", lines) : string.Join(", ", lines.Take(6)) + ", ...";

    /// <summary>
    /// A YAML scalar that reads back as exactly <paramref name="text"/>: plain where that is safe (also inside a flow
    /// mapping with <paramref name="flow"/>), else double-quoted with every character that could end or bend it escaped.
    /// </summary>
    public static string Scalar(string text, bool flow = false)
    {
        if (IsPlain(text, flow)) return text;
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                        quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    else quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    private static bool IsPlain(string text, bool flow)
    {
        if (text.Length == 0 || text != text.Trim() || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)) return false;
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')) return false;
        if (flow && text.IndexOfAny([',', '[', ']', '{', '}', ':', '#']) >= 0) return false;
        if (text.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF' or '\uFFFE' or '\uFFFF')) return false;
        return text.ToLowerInvariant() is not ("null" or "~" or "true" or "false" or "yes" or "no" or "on" or "off");
    }
}
