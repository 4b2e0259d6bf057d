using System.Text.RegularExpressions;
using Catalog.Ingest.Import;
using Catalog.Ingest.Linking;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Model.Configurations;

namespace Catalog.Ingest.Drafting;

/// <summary>One entry of a draft (a talk or a section) with what was found in its lines.</summary>
internal sealed record DraftEntry(OutlineHeading Heading, string Slug, string? Title, DraftFindings Findings, IReadOnlyList<OutlineHeading> SubHeadings);

/// <summary>
/// Drafts the catalog entries for a Markdown write-up from the catalog's vocabulary alone: no database, no files.
/// The draft is the YAML the importer accepts once the user has filled in the event's facts; what the draft cannot
/// know (the speakers the catalog lacks, near-miss spellings, new technologies) it writes as comments beside the
/// talks they concern.
/// </summary>
public static partial class NotesDrafter
{
    /// <summary>The mentions of each section as the importer decides them: the section's lines read together.</summary>
    private static void Relink(NotesDocument notes, LineScan[] scans, Linker linker)
    {
        foreach (var section in notes.Sections)
        {
            var lines = new List<string>();
            for (var line = section.StartLine; line <= section.EndLine; line++) lines.Add(notes.Line(line));
            var decisions = linker.Decide(lines).ToLookup(d => d.Block);
            for (var block = 0; block < lines.Count; block++)
            {
                var index = section.StartLine + block - 1;
                scans[index] = scans[index] with
                {
                    Mentions = decisions[block].OrderBy(d => d.Start).Select(d => (d.Slug, new TextSpan(d.Start, d.Start + d.Length))).ToList(),
                };
            }
        }
    }

    /// <summary>How many body lines after a talk's heading are read for its speakers and their organisations.</summary>
    private const int SpeakerLines = 3;

    /// <param name="notesPath">The path the notes are to be imported under: <c>notes/NAME.md</c>.</param>
    public static NotesDraft Draft(string notesPath, string content, NotesVocabulary vocabulary)
    {
        var notes = NotesParser.Parse(notesPath, content);
        var verbatim = NotesParser.VerbatimLines(notes.Lines);
        var scanner = new DraftScanner(vocabulary);
        var scans = new LineScan[notes.Lines.Count];
        for (var i = 0; i < scans.Length; i++) scans[i] = scanner.Scan(notes.Lines[i], i + 1, verbatim[i]);
        if (vocabulary.Linking is { } linking) Relink(notes, scans, new Linker(linking));

        var name = NameOf(notesPath);
        var outline = DraftOutline.Build(notes);
        var language = LanguageOf(notes.Lines);
        var title = TitleOf(notes, outline, name);
        var documentSlug = Unique(Clip(name + "-notes"), vocabulary.DocumentSlugs);
        var eventSlug = Unique(Clip(name), vocabulary.Events.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal));
        var knownPeople = vocabulary.People.ToDictionary(p => p.Slug, StringComparer.Ordinal);

        var entries = new List<DraftEntry>();
        var sectionSlugs = new HashSet<string>(StringComparer.Ordinal) { "preamble" };
        var talkSlugs = new HashSet<string>(vocabulary.TalkSlugs, StringComparer.Ordinal);
        var talkNumber = 0;
        // A heading longer than the catalog keeps gets no entry: the import then points at it in the notes.
        for (var index = 0; index < outline.Count; index++)
        {
            var heading = outline[index];
            if (heading.Kind is null || heading.Text.Length > Limits.Title) continue;
            // The sub-headings an entry keeps are the ones right after it.
            var subHeadings = outline.Skip(index + 1).TakeWhile(h => h.Kind is null).ToList();
            var findings = Findings(scans, heading.Line, heading.EndLine, scanner);
            if (heading.Kind == SectionKind.Talk)
            {
                talkNumber++;
                var plain = DraftText.Plain(heading.Text);
                var (talkTitle, speakerText) = SplitSpeakers(plain.Length > 0 ? plain : heading.Text, scanner, heading.Line);
                // Talk slugs are unique across the catalog, and apart from the document's section slugs. A slug of one word
                // ("istio") says little and clashes with the next document's: those get the document's name.
                var slug = DraftText.Slugify(talkTitle);
                slug = Unique(slug.Contains('-', StringComparison.Ordinal) ? slug : Clip($"{name}-talk-{talkNumber}"), talkSlugs, sectionSlugs);
                talkSlugs.Add(slug);
                sectionSlugs.Add(slug);
                var unknown = findings.UnknownPeople.Concat(PeopleIn(speakerText, heading.Line, knownPeople.Values)).DistinctBy(p => p.Slug).ToList();
                findings = findings with { Speakers = Speakers(scans, notes, heading), UnknownPeople = unknown };
                findings = findings with { Organizations = Organizations(scans, notes, heading, findings.Speakers) };
                entries.Add(new DraftEntry(heading, slug, Clip(talkTitle, Limits.Title), findings, subHeadings));
            }
            else
            {
                // Sections are named by their kind ("introduction", "closing"); tracks, of which a post has several, by their heading.
                var kindText = EnumText<SectionKind>.ToText(heading.Kind!.Value);
                var slug = heading.Kind is SectionKind.Track or SectionKind.Other ? DraftText.Slugify(DraftText.Plain(heading.Text), 40) : kindText;
                slug = Unique(slug.Length >= 3 && !slug.All(char.IsAsciiDigit) ? slug : kindText, sectionSlugs, sectionSlugs);
                sectionSlugs.Add(slug);
                entries.Add(new DraftEntry(heading, slug, null, findings, subHeadings));
            }
        }
        var entryOf = new Dictionary<OutlineHeading, DraftEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries) entryOf[entry.Heading] = entry;
        var headings = outline.Select(h =>
        {
            var entry = entryOf.GetValueOrDefault(h);
            return new DraftHeading(h.Line, h.EndLine, h.Level, h.Text, h.Occurrence, h.Kind, entry?.Slug, entry?.Title);
        }).ToList();
        var nearMisses = scans.SelectMany(s => s.NearMisses).ToList();
        var candidates = Candidates(scans, 1, scans.Length);
        var draft = new DraftDocument(
            notesPath, $"catalog/{name}.yaml", title, language, documentSlug, eventSlug,
            vocabulary.Events.FirstOrDefault(e => e.Slug == name), entries, nearMisses, candidates,
            scans.Sum(s => s.Mentions.Count), scans.SelectMany(s => s.Mentions.Select(m => m.Technology)).Distinct().Count(),
            HeadingTooLong: outline.Where(h => h.Kind is not null && h.Text.Length > Limits.Title).Select(h => h.Line).ToList());
        return new NotesDraft(notesPath, draft.CatalogPath, title, language, headings, nearMisses, candidates, draft.MentionCount, DraftYaml.Write(draft));
    }

    /// <summary>The NAME of <c>notes/NAME.md</c>, as a slug.</summary>
    private static string NameOf(string notesPath)
    {
        var file = Path.GetFileNameWithoutExtension(notesPath.Replace('\\', '/').Split('/')[^1]);
        var slug = DraftText.Slugify(file, 50);
        return slug.Length > 0 ? slug : "notes";
    }

    private static string Clip(string slug, int max = 70) => slug.Length <= max ? slug : DraftText.Cut(slug, max).TrimEnd('-');

    private static string Unique(string slug, IReadOnlySet<string> taken) => Unique(slug, taken, taken);

    /// <summary>The slug, or the slug with the first number from 2 that makes it free in both sets.</summary>
    private static string Unique(string slug, IReadOnlySet<string> taken, IReadOnlySet<string> alsoTaken)
    {
        if (!taken.Contains(slug) && !alsoTaken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var next = $"{Clip(slug, Limits.Slug - 4)}-{n}";
            if (!taken.Contains(next) && !alsoTaken.Contains(next)) return next;
        }
    }

    /// <summary>Japanese when a tenth of the letters are Japanese, else English.</summary>
    internal static string LanguageOf(IReadOnlyList<string> lines)
    {
        long japanese = 0, letters = 0;
        foreach (var line in lines)
        {
            foreach (var c in line)
            {
                if (DraftText.IsJapanese(c)) japanese++;
                else if (char.IsAsciiLetter(c)) letters++;
            }
        }
        return japanese * 10 >= japanese + letters && japanese > 0 ? "ja" : "en";
    }

    /// <summary>The title heading's text; else the first line of the preamble; else the file's name.</summary>
    private static string TitleOf(NotesDocument notes, List<OutlineHeading> outline, string name)
    {
        var candidate = outline.FirstOrDefault(h => h.Kind == SectionKind.Introduction && h == outline[0]) is { } heading
            ? DraftText.Plain(heading.Text)
            : notes.Lines.Take(outline.Count > 0 ? outline[0].Line - 1 : notes.Lines.Count).Select(l => DraftText.Plain(l)).FirstOrDefault(l => l.Length > 0) ?? name;
        return Clip(candidate.Length > 0 ? candidate : name, Limits.Title);
    }

    private static DraftFindings Findings(LineScan[] scans, int first, int last, DraftScanner scanner)
    {
        var mentions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var line = first; line <= last; line++)
        {
            foreach (var (technology, _) in scans[line - 1].Mentions)
            {
                if (!mentions.TryGetValue(technology, out var lines)) mentions[technology] = lines = [];
                if (lines.Count == 0 || lines[^1] != line) lines.Add(line);
            }
        }
        var found = mentions.Select(m => new DraftMention(m.Key, scanner.NameOf(m.Key), m.Value))
            .OrderByDescending(m => m.Lines.Count).ThenBy(m => m.Lines[0]).ToList();
        var nearMisses = Enumerable.Range(first, last - first + 1).SelectMany(l => scans[l - 1].NearMisses).ToList();
        var handles = Enumerable.Range(first, last - first + 1)
            .SelectMany(l => scans[l - 1].Handles.Select(h => new DraftPerson(DraftText.Slugify(h, Limits.Slug), "@" + h, h, l)))
            .Where(p => p.Slug.Length > 0).DistinctBy(p => p.Slug).ToList();
        return new DraftFindings(found, nearMisses, Candidates(scans, first, last), [], [], handles);
    }

    private static List<DraftCandidate> Candidates(LineScan[] scans, int first, int last)
    {
        var terms = new Dictionary<string, (string Text, int Count, List<int> Lines)>(StringComparer.OrdinalIgnoreCase);
        for (var line = first; line <= last; line++)
        {
            foreach (var term in scans[line - 1].Candidates)
            {
                var entry = terms.TryGetValue(term, out var found) ? found : (term, 0, new List<int>());
                if (entry.Item3.Count == 0 || entry.Item3[^1] != line) entry.Item3.Add(line);
                terms[term] = (entry.Item1, entry.Item2 + 1, entry.Item3);
            }
        }
        return terms.Values.Select(t => new DraftCandidate(t.Text, t.Count, t.Lines))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Lines[0]).ThenBy(c => c.Text, StringComparer.Ordinal).ToList();
    }

    /// <summary>The lines where a talk names its speakers: its heading and the first few lines of text after it.</summary>
    private static IEnumerable<int> SpeakerRegion(NotesDocument notes, OutlineHeading heading)
    {
        yield return heading.Line;
        var taken = 0;
        for (var line = heading.Line + 1; line <= heading.EndLine && taken < SpeakerLines; line++)
        {
            if (notes.Line(line).Trim().Length == 0) continue;
            taken++;
            yield return line;
        }
    }

    /// <summary>
    /// The known people near a talk's start, each with the known organisation named closest after them on the same
    /// line (else closest before): "@amsy810 アドテクスタジオ", "Shingo Yoshida(Section9/Serverless)"; of a career
    /// written with arrows ("yahoo -> microsoft"), the last.
    /// </summary>
    private static List<DraftSpeaker> Speakers(LineScan[] scans, NotesDocument notes, OutlineHeading heading)
    {
        var speakers = new List<DraftSpeaker>();
        foreach (var line in SpeakerRegion(notes, heading))
        {
            var scan = scans[line - 1];
            for (var i = 0; i < scan.People.Count; i++)
            {
                var (person, start) = scan.People[i];
                var nextPerson = i + 1 < scan.People.Count ? scan.People[i + 1].Start : int.MaxValue;
                var previousPerson = i > 0 ? scan.People[i - 1].Start : -1;
                var after = Latest(scan.Organizations.Where(o => o.Start > start && o.Start < nextPerson).ToList(), notes.Lines[line - 1]);
                var before = scan.Organizations.Where(o => o.Start < start && o.Start > previousPerson).Select(o => o.Organization).LastOrDefault();
                if (speakers.All(s => s.Person != person)) speakers.Add(new DraftSpeaker(person, after ?? before));
            }
        }
        return speakers;
    }

    private static string? Latest(List<(string Organization, int Start)> named, string text)
    {
        if (named.Count == 0) return null;
        var latest = 0;
        while (latest + 1 < named.Count && IsArrow(text[named[latest].Start..named[latest + 1].Start])) latest++;
        return named[latest].Organization;

        static bool IsArrow(string between) =>
            between.Contains("->", StringComparison.Ordinal) || between.Contains('→') || between.Contains("=>", StringComparison.Ordinal);
    }

    /// <summary>The known organisations near a talk's start that are not a speaker's.</summary>
    private static List<string> Organizations(LineScan[] scans, NotesDocument notes, OutlineHeading heading, IReadOnlyList<DraftSpeaker> speakers) =>
        SpeakerRegion(notes, heading).SelectMany(l => scans[l - 1].Organizations.Select(o => o.Organization))
            .Where(o => speakers.All(s => s.Organization != o)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A heading's title and the speakers it names after it: "Lazy image pulls - Kohei Tokunaga, NTT" or
    /// "Lazy image pulls (Kohei Tokunaga)". The tail counts as speakers when it names a known person or organisation,
    /// an @handle, or only names of two or three capitalised words and acronyms.
    /// </summary>
    private static (string Title, string? Speakers) SplitSpeakers(string heading, DraftScanner scanner, int line)
    {
        var match = SpeakerTail().Match(heading);
        if (!match.Success || match.Index == 0) return (heading, null);
        var tail = match.Groups["names"].Value.Trim();
        var head = heading[..match.Index].Trim();
        if (head.Length == 0 || tail.Length == 0 || tail.Length > 80) return (heading, null);
        var scan = scanner.Scan(tail, line, verbatim: false);
        var named = scan.People.Count > 0 || scan.Organizations.Count > 0 || tail.Contains('@', StringComparison.Ordinal);
        if (named) return (head, tail);
        if (scan.Mentions.Count > 0) return (heading, null);
        return NameList().IsMatch(tail) && !tail.Split(' ', ',', '&').Any(CommonWords.Contains) ? (head, tail) : (heading, null);
    }

    /// <summary>The people a heading's speaker tail names whom the catalog lacks.</summary>
    private static IEnumerable<DraftPerson> PeopleIn(string? speakers, int line, IEnumerable<VocabularyPerson> known)
    {
        if (speakers is null) yield break;
        var knownNames = known.SelectMany(p => new[] { p.Name, p.Handle is null ? null : "@" + p.Handle }).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var part in NameSeparator().Split(speakers))
        {
            var name = part.Trim();
            if (!PersonName().IsMatch(name) || knownNames.Contains(name)) continue;
            var slug = DraftText.Slugify(name, Limits.Slug);
            if (slug.Length > 0) yield return new DraftPerson(slug, name, null, line);
        }
    }

    [GeneratedRegex(@"(?:\s+[-–—]\s+|\s+by\s+|\s*[(（](?=[^()（）]+[)）]\s*$))(?<names>[^-–—]+?)[)）]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerTail();

    [GeneratedRegex(@"^(?:(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})(?:\s+(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})){0,3})(?:\s*(?:,|&|\band\b|/)\s*(?:(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})(?:\s+(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})){0,3}))*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameList();

    [GeneratedRegex(@"\s*(?:,|&|\band\b|/)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();
}

/// <summary>Everything the YAML of a draft is written from.</summary>
internal sealed record DraftDocument(
    string NotesPath, string CatalogPath, string Title, string Language, string DocumentSlug, string EventSlug,
    VocabularyEvent? KnownEvent, IReadOnlyList<DraftEntry> Entries, IReadOnlyList<DraftNearMiss> NearMisses,
    IReadOnlyList<DraftCandidate> Candidates, int MentionCount, int TechnologyCount, IReadOnlyList<int> HeadingTooLong);
