using System.Text.RegularExpressions;
using Catalog.Ingest.Import;
using Catalog.Ingest.Linking;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Model.Configurations;

namespace Catalog.Ingest.Drafting;

/// <summary>One entry of a draft (a talk or a section) with what was found in its lines.</summary>
internal sealed record DraftEntry(OutlineHeading Heading, string Slug, string? Title, DraftFindings Findings, IReadOnlyList<OutlineHeading> SubHeadings)
{
    /// <summary>A talk's time slot, as its heading writes it.</summary>
    public string? Time { get; init; }

    /// <summary>A talk's track, room or number, as its heading writes it.</summary>
    public string? Track { get; init; }
}

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
    /// <param name="post">What a blog's front matter says of the post; null for a write-up on its own, whose headings may be talks.</param>
    public static NotesDraft Draft(string notesPath, string content, NotesVocabulary vocabulary, PostFacts? post = null)
    {
        var notes = NotesParser.Parse(notesPath, content);
        var verbatim = NotesParser.VerbatimLines(notes.Lines);
        var scanner = new DraftScanner(vocabulary);
        var scans = new LineScan[notes.Lines.Count];
        for (var i = 0; i < scans.Length; i++) scans[i] = scanner.Scan(notes.Lines[i], i + 1, verbatim[i]);
        if (vocabulary.Linking is { } linking) Relink(notes, scans, new Linker(linking));

        var name = NameOf(notesPath);
        var outline = DraftOutline.Build(notes);
        var conference = post is null || post.IsConference;
        // A post that is no write-up of an event has no talks: every heading is a section of its document.
        if (!conference) outline = DraftOutline.WithoutTalks(outline, notes.Lines.Count);
        var language = LanguageOf(notes.Lines);
        var title = post?.Title is { Length: > 0 } given ? Clip(given, Limits.Title) : TitleOf(notes, outline, name);
        // The words that name the post's own event (in its title) are no technologies the catalog lacks.
        var eventWords = conference && EventLike(title)
            ? DraftText.Words(title).Select(w => title[w.Start..w.End]).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < scans.Length && eventWords.Count > 0; i++)
            scans[i] = scans[i] with { Candidates = scans[i].Candidates.Where(c => !c.Split(' ').All(eventWords.Contains)).ToList() };
        var documentSlug = Unique(Clip(name + "-notes"), vocabulary.DocumentSlugs);
        var eventSlug = Unique(Clip(name), vocabulary.Events.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal));
        var knownPeople = vocabulary.People.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var resolver = new SpeakerResolver(vocabulary);

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
                var plain = DraftText.Plain(WithoutSpeakers(heading.Text));
                var parts = TalkHeading.Split(plain.Length > 0 ? plain : heading.Text);
                var (talkTitle, speakerText) = SplitSpeakers(HeadingSpeakers.WithoutRole(parts.Title), scanner, heading.Line);
                // Talk slugs are unique across the catalog, and apart from the document's section slugs. A slug of one word
                // ("istio") says little and clashes with the next document's: those get the document's name.
                var slug = DraftText.Slugify(talkTitle);
                slug = Unique(slug.Contains('-', StringComparison.Ordinal) ? slug : Clip($"{name}-talk-{talkNumber}"), talkSlugs, sectionSlugs);
                talkSlugs.Add(slug);
                sectionSlugs.Add(slug);
                var (speakers, written) = Speakers(scans, notes, heading, resolver);
                // The speakers the heading names after its title join those its lines link (who are resolved first, so
                // that a name written both ways keeps the handle and profile of the link).
                List<SpeakerMention> inHeading = speakerText is null ? [] : HeadingSpeakers.Parse(speakerText, text => OrganizationIn(scanner, vocabulary, text, heading.Line));
                AddHeadingSpeakers(speakers, inHeading.Select(m => resolver.Resolve(m, heading.Line, null)).ToList());
                var handles = written.Concat(inHeading).Select(w => w.Handle).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
                var unknown = findings.UnknownPeople.Where(p => p.Handle is null || !handles.Contains(p.Handle))
                    .Concat(inHeading.Count > 0 ? Enumerable.Empty<DraftPerson>() : PeopleIn(speakerText, heading.Line, knownPeople.Values)).DistinctBy(p => p.Slug).ToList();
                findings = findings with { Speakers = speakers, UnknownPeople = unknown };
                findings = findings with { Organizations = Organizations(scans, notes, heading, speakers) };
                entries.Add(new DraftEntry(heading, slug, Clip(talkTitle, Limits.Title), findings, subHeadings)
                {
                    Time = Label(parts.Time),
                    Track = Label(parts.Track),
                });
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
        // The names of the people a post links as speakers, their affiliations and the talks' tracks are no terms of technology.
        var peopleWords = PeopleWords(resolver);
        peopleWords.UnionWith(entries.SelectMany(e => (e.Track ?? "").Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries)));
        entries = [.. entries.Select(e => e with { Findings = WithoutPeople(e.Findings, peopleWords) })];
        var entryOf = new Dictionary<OutlineHeading, DraftEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries) entryOf[entry.Heading] = entry;
        var headings = outline.Select(h =>
        {
            var entry = entryOf.GetValueOrDefault(h);
            return new DraftHeading(h.Line, h.EndLine, h.Level, h.Text, h.Occurrence, h.Kind, entry?.Slug, entry?.Title, entry?.Time, entry?.Track);
        }).ToList();
        var nearMisses = scans.SelectMany(s => s.NearMisses).Where(n => !IsPeople(n.Text, peopleWords)).ToList();
        var candidates = Candidates(scans, 1, scans.Length).Where(c => !IsPeople(c.Text, peopleWords)).ToList();
        var draft = new DraftDocument(
            notesPath, $"catalog/{name}.yaml", title, language, documentSlug, conference ? eventSlug : null, post,
            vocabulary.Events.FirstOrDefault(e => e.Slug == name), entries, nearMisses, candidates,
            scans.Sum(s => s.Mentions.Count), scans.SelectMany(s => s.Mentions.Select(m => m.Technology)).Distinct().Count(),
            HeadingTooLong: outline.Where(h => h.Kind is not null && h.Text.Length > Limits.Title).Select(h => h.Line).ToList(),
            resolver.NewPeople, resolver.NewOrganizations);
        return new NotesDraft(notesPath, draft.CatalogPath, title, language, headings, nearMisses, candidates, draft.MentionCount, DraftYaml.Write(draft));
    }

    /// <summary>
    /// Whether a title names an event it writes up: a conference, summit, meetup, "... Days", "...Con", or says it in
    /// Japanese (参加, 登壇, レポート, 勉強会).
    /// </summary>
    public static bool EventLike(string title) => EventTitle().IsMatch(title);

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
    /// The speakers near a talk's start, in the order the lines name them: those written as a post writes a speaker
    /// (<see cref="SpeakerLinks"/>: known people reused, others drafted, the affiliation beside them), and the known
    /// people named otherwise, each with the known organisation named closest after them on the same line (else
    /// closest before): "@amsy810 アドテクスタジオ", "Shingo Yoshida(Section9/Serverless)"; of a career written with
    /// arrows ("yahoo -> microsoft"), the last.
    /// </summary>
    private static (List<DraftSpeaker> Speakers, List<SpeakerMention> Written) Speakers(
        LineScan[] scans, NotesDocument notes, OutlineHeading heading, SpeakerResolver resolver)
    {
        var speakers = new List<DraftSpeaker>();
        var allWritten = new List<SpeakerMention>();
        foreach (var line in SpeakerRegion(notes, heading))
        {
            var scan = scans[line - 1];
            var text = notes.Lines[line - 1];
            var written = SpeakerLinks.Find(text);
            allWritten.AddRange(written);
            var named = new List<(int Start, DraftSpeaker Speaker)>();
            for (var i = 0; i < written.Count; i++)
            {
                var mention = written[i];
                var previousEnd = i > 0 ? written[i - 1].End : 0;
                var before = scan.Organizations.Where(o => o.Start >= previousEnd && o.Start < mention.Start).Select(o => o.Organization).LastOrDefault();
                named.Add((mention.Start, resolver.Resolve(mention, line, before)));
            }
            var known = scan.People.Where(p => !written.Any(w => w.Start <= p.Start && p.Start < w.End)).ToList();
            var starts = known.Select(p => p.Start).Concat(written.Select(w => w.Start)).Order().ToList();
            var organizations = scan.Organizations.Where(o => !written.Any(w => w.Start <= o.Start && o.Start < w.End)).ToList();
            foreach (var (person, start) in known)
            {
                var nextPerson = starts.FirstOrDefault(s => s > start, int.MaxValue);
                var previousPerson = starts.LastOrDefault(s => s < start, -1);
                var after = Latest(organizations.Where(o => o.Start > start && o.Start < nextPerson).ToList(), text);
                var before = organizations.Where(o => o.Start < start && o.Start > previousPerson).Select(o => o.Organization).LastOrDefault();
                named.Add((start, new DraftSpeaker(person, after ?? before)));
            }
            foreach (var (_, speaker) in named.OrderBy(n => n.Start))
            {
                if (speakers.All(s => s.Person != speaker.Person)) speakers.Add(speaker);
            }
        }
        return (speakers, allWritten);
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

    /// <summary>
    /// The known organisations a talk's heading or its speakers' lines name that are not a speaker's: not those inside
    /// how a speaker is written (a display name "NAME@Company"), nor inside a technology's name ("Google Kubernetes
    /// Engine"), nor on lines of what the talk said, which name companies as subjects rather than as its makers.
    /// </summary>
    private static List<string> Organizations(LineScan[] scans, NotesDocument notes, OutlineHeading heading, IReadOnlyList<DraftSpeaker> speakers) =>
        SpeakerRegion(notes, heading).Where(l => l == heading.Line || scans[l - 1].People.Count > 0 || SpeakerLinks.Find(notes.Lines[l - 1]).Count > 0)
            .SelectMany(l =>
            {
                var written = SpeakerLinks.Find(notes.Lines[l - 1]);
                var scan = scans[l - 1];
                return scan.Organizations
                    .Where(o => !written.Any(w => w.Start <= o.Start && o.Start < w.End) && !scan.Mentions.Any(m => m.Span.Start <= o.Start && o.Start < m.Span.End))
                    .Select(o => o.Organization);
            })
            .Where(o => speakers.All(s => s.Organization != o)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A heading without the speakers written in it as links, and the words that joined them to the title.</summary>
    private static string WithoutSpeakers(string heading)
    {
        var written = SpeakerLinks.Find(heading);
        if (written.Count == 0) return heading;
        var text = new System.Text.StringBuilder(heading);
        foreach (var speaker in written.OrderByDescending(w => w.Start)) text.Remove(speaker.Start, speaker.End - speaker.Start);
        var rest = Joiners().Replace(text.ToString(), " ").Trim();
        return rest.Length > 0 ? rest : heading;
    }

    /// <summary>
    /// Puts the speakers a heading names before those of the lines under it (the heading comes first); one named both
    /// ways stays where the lines have them, and takes the organisation the heading gives when the lines gave none.
    /// </summary>
    private static void AddHeadingSpeakers(List<DraftSpeaker> speakers, List<DraftSpeaker> inHeading)
    {
        var position = 0;
        foreach (var speaker in inHeading)
        {
            var same = speakers.FindIndex(s => s.Person == speaker.Person);
            if (same < 0) speakers.Insert(position++, speaker);
            else if (speakers[same].Organization is null && speakers[same].ProposedOrganization is null) speakers[same] = speaker;
        }
    }

    /// <summary>The name of the first organisation the catalog knows in a text, or null.</summary>
    private static string? OrganizationIn(DraftScanner scanner, NotesVocabulary vocabulary, string text, int line)
    {
        var slug = scanner.Scan(text, line, verbatim: true).Organizations.Select(o => o.Organization).FirstOrDefault();
        return slug is null ? null : vocabulary.Organizations.FirstOrDefault(o => o.Slug == slug)?.Name;
    }

    /// <summary>A time slot or track as the catalog keeps it: null when none, cut to the column's length.</summary>
    private static string? Label(string? text) => text is null ? null : DraftText.Cut(text, Limits.Label);

    /// <summary>The words of the names, handles and affiliations of the speakers the document names.</summary>
    private static HashSet<string> PeopleWords(SpeakerResolver resolver)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in resolver.NewPeople)
        {
            words.UnionWith(person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            // A name with letters beyond ASCII ("Mudrinić") is read as words up to them.
            words.UnionWith(person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.TakeWhile(char.IsAscii)])).Where(w => w.Length >= 3));
            if (person.Handle is { } handle) words.Add(handle);
        }
        foreach (var organization in resolver.NewOrganizations) words.UnionWith(organization.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return words;
    }

    private static bool IsPeople(string term, HashSet<string> peopleWords) =>
        peopleWords.Count > 0 && term.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(peopleWords.Contains);

    private static DraftFindings WithoutPeople(DraftFindings findings, HashSet<string> peopleWords) => findings with
    {
        Candidates = [.. findings.Candidates.Where(c => !IsPeople(c.Text, peopleWords))],
        NearMisses = [.. findings.NearMisses.Where(n => !IsPeople(n.Text, peopleWords))],
    };

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
        // "Addons: by Tim", "Title - by Name": the joiner stays with neither.
        var head = heading[..match.Index].Trim().TrimEnd(':', '：', '-', '–', '—', '/', '|', '｜').TrimEnd();
        if (head.Length == 0 || tail.Length == 0 || tail.Length > 80) return (heading, null);
        var scan = scanner.Scan(tail, line, verbatim: false);
        var named = scan.People.Count > 0 || scan.Organizations.Count > 0 || tail.Contains('@', StringComparison.Ordinal);
        if (named) return (head, tail);
        // "Name Surname, Company" is a speaker even where the company shares its name with its product ("…, Datadog").
        var first = TailFirstPart().Match(tail).Value.Trim();
        var byWord = match.Value.TrimStart().StartsWith("by", StringComparison.Ordinal);
        if (HeadingSpeakers.IsNames(first) && (byWord || first.Contains(' ', StringComparison.Ordinal))
            && !scan.Mentions.Any(m => m.Span.Start < first.Length))
            return (head, tail);
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

    [GeneratedRegex(@"(?i:\b(?:conf|conference|summit|meetup|meet-up|days?|forum|festival|camp|hackathon|recap|write-?up|report|keynotes?|talks)\b)|[a-z]Con\b|参加|登壇|レポート|カンファレンス|勉強会|イベント|ミートアップ", RegexOptions.CultureInvariant)]
    private static partial Regex EventTitle();

    /// <summary>What is left between a title and the speakers removed from it: a dash, a slash, "by", "登壇:".</summary>
    [GeneratedRegex(@"(?:\s*(?:[-–—/／|｜、,:：]|\bby\b|登壇者?[:：]?|発表者?[:：]?)\s*)+$|^\s*(?:[-–—/／|｜、,:：]\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex Joiners();

    [GeneratedRegex(@"(?:\s+[-–—]\s+|\s+by\s+|\s*[(（](?=[^()（）]+[)）]\s*$))(?<names>[^-–—]+?)[)）]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerTail();

    [GeneratedRegex(@"^(?:(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})(?:\s+(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})){0,3})(?:\s*(?:,|&|\band\b|/)\s*(?:(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})(?:\s+(?:[A-Z][\p{L}'.-]+|[A-Z]{2,})){0,3}))*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameList();

    [GeneratedRegex(@"\s*(?:,|&|\band\b|/)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    /// <summary>A speaker tail's first part: up to a slash or comma.</summary>
    [GeneratedRegex(@"^[^,/／|｜(（]+", RegexOptions.CultureInvariant)]
    private static partial Regex TailFirstPart();

    [GeneratedRegex(@"^[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();
}

/// <summary>Everything the YAML of a draft is written from.</summary>
internal sealed record DraftDocument(
    string NotesPath, string CatalogPath, string Title, string Language, string DocumentSlug, string? EventSlug, PostFacts? Post,
    VocabularyEvent? KnownEvent, IReadOnlyList<DraftEntry> Entries, IReadOnlyList<DraftNearMiss> NearMisses,
    IReadOnlyList<DraftCandidate> Candidates, int MentionCount, int TechnologyCount, IReadOnlyList<int> HeadingTooLong,
    IReadOnlyList<DraftPerson> Speakers, IReadOnlyList<DraftOrganization> Affiliations);
