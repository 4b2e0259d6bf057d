using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Linking;

/// <summary>A name in a document linked to a technology: the block, the span in UTF-16 code units, and why it links.</summary>
public sealed record LinkDecision(int Block, int Start, int Length, string Slug, string Form, string Evidence);

/// <summary>A candidate occurrence as the linker weighed it: linked (with its evidence) or not, and the weight it reached.</summary>
internal sealed record LinkCandidate(int Block, int Start, int Length, string Slug, string Surface, string? Evidence, double Weight, string Reasons);

/// <summary>
/// Decides, occurrence by occurrence, which names in a document link to a technology. A document is a list of blocks
/// (lines, sentences or paragraphs) read together; code is written between backticks and addresses as text, so Markdown
/// and a page's text give the same answer. An unambiguous name links where it is written, unless it is part of a longer
/// name ("Grafana Labs", "Franz Kafka") or, in katakana, of a longer word (ポッドキャスト). An ambiguous name
/// (<see cref="NameAmbiguity"/>) links only on evidence:
/// <list type="bullet">
/// <item>strong, enough alone: it is written as code or named in code (<c>`flux bootstrap`</c>, <c>`calicoctl`</c>),
/// an address in the document is its homepage or repository, or the same technology links in another block;</item>
/// <item>weighed: technologies linked in the document that are related to it (a relation either way, a talk that
/// covered both, a maker: 6 each; a category or a relation target in common: 3), a word of its own gloss right after it
/// ("Kafka broker", 「Kafkaのトピック」: 6), a language's place ("written in Rust": 6; after "written in", a technology
/// that is no language never links), its origin or logo explained ("Kafka was named after": 6), words its definition shares with the
/// document (each weighted by how few definitions use it), a capital letter where a word would have none, or any
/// capitalised name in a technical document (5), a technical document (code, an address, a technology linked or two
/// technical words: 2, and a little for each technical word, flag, file name or version). What another name was named
/// after ("named after Franz Kafka", 「カナリアに由来」) never links. The weight must reach 6, or 17 for a name written in another case than its own ("vault" for
/// Vault), since ordinary words are written that way; such a name weighs more when the document runs it as a command
/// (`flux bootstrap`: 12) or writes it bare after a preposition ("read it from vault": 12). Japanese prose writes a
/// lower-case Latin name as a spelling, not a word: there it needs 6.</item>
/// </list>
/// An abbreviation beside the name whose capitals it is ("FDB, that is FoundationDB") goes to that technology.
/// A name that links becomes context for the others, until nothing changes.
/// </summary>
public sealed partial class Linker(LinkVocabulary vocabulary)
{
    private const double Threshold = 6;
    private const double VariantThreshold = 17;
    private const double Close = 6;
    private const double Near = 3;
    private const double Mutual = 3;
    private const double Capital = 5;
    private const double Technical = 2;
    private const double TechnicalWord = 0.7;
    private const int TechnicalWords = 3;
    private const int TechnicalWordSpread = 5;
    private const double CommonWordWeight = 0.6;
    private const double NeighbourWeight = 3;

    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "is", "are", "was",
        "were", "be", "we", "our", "i", "you", "it", "this", "that", "these", "those", "my", "your", "their", "his", "her",
        "its", "but", "not", "no", "so", "if", "then", "than", "when", "while", "after", "before", "into", "over", "under", "about",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a name that make it an organisation's, a community's or an event's name.</summary>
    private static readonly FrozenSet<string> NameEndings = new[]
    {
        "labs", "inc", "corp", "corporation", "ltd", "foundation", "meetup", "community", "tokyo", "japan", "summit",
        "conference", "days", "con", "airlines", "edition", "america",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The evidence of an unambiguous name: it links wherever it is written.</summary>
    public const string NameAlone = "name";

    /// <summary>What the linker knows of the catalog.</summary>
    public LinkVocabulary Vocabulary => vocabulary;


    private sealed class Occurrence
    {
        public required int Block { get; init; }
        public required int Start { get; init; }
        public required int Length { get; init; }
        public required string Slug { get; init; }
        public required string Form { get; init; }
        public required string Surface { get; init; }
        public required string? Ambiguity { get; init; }
        public required bool Variant { get; init; }
        public required bool InCode { get; init; }
        public required bool Capitalised { get; init; }
        public required bool Japanese { get; init; }
        public bool Respelled { get; init; }
        public bool Upper { get; init; }
        public string? Evidence { get; set; }
        public double Weight { get; set; }
        public string Reasons { get; set; } = "";
    }

    /// <param name="spellings">The document's own spellings (as written) and the technology each means in it: they link
    /// wherever the document writes them, before any name of the catalog.</param>
    public IReadOnlyList<LinkDecision> Decide(IReadOnlyList<string> blocks, IReadOnlyDictionary<string, string>? spellings = null) =>
        Run(blocks, spellings).Where(o => o.Evidence is not null)
            .Select(o => new LinkDecision(o.Block, o.Start, o.Length, o.Slug, o.Form, o.Evidence!)).ToList();

    /// <summary>Every candidate occurrence of a document, linked or not, with the weight it reached: for measuring the rule.</summary>
    internal IReadOnlyList<LinkCandidate> Explain(IReadOnlyList<string> blocks) =>
        Run(blocks, null).Select(o => new LinkCandidate(o.Block, o.Start, o.Length, o.Slug, o.Surface, o.Evidence, o.Weight, o.Reasons)).ToList();

    private List<Occurrence> Run(IReadOnlyList<string> blocks, IReadOnlyDictionary<string, string>? spellings)
    {
        var occurrences = Find(blocks, spellings is { Count: > 0 } ? new AliasMatcher(spellings.Select(p => new MatchForm(p.Key, p.Value, CaseSensitive: true))) : null);
        if (occurrences.Count == 0) return occurrences;
        occurrences = WithoutNameTails(Expand(occurrences), blocks);
        var whole = string.Join('\n', blocks);
        var sites = Sites(whole);
        var code = CodeWords(blocks);
        var commands = Commands(blocks);
        var english = SubjectTerms.English(whole);
        // Technical words: words many definitions use and everyday prose rarely does (katakana loanwords in Japanese), and the
        // marks of technical writing: command-line flags, file names, version numbers.
        var technicalWords = english.Count(t => Spread(t) >= TechnicalWordSpread && !LinkWords.IsCommonWord(t)) +
            SubjectTerms.Japanese(whole).Count(t => NameAmbiguity.IsKana(t) && Spread(t) >= TechnicalWordSpread) +
            TechnicalMark().Count(whole);

        foreach (var occurrence in occurrences)
        {
            if (occurrence.Ambiguity is null) occurrence.Evidence = NameAlone;
        }
        var technical = whole.Contains('`', StringComparison.Ordinal) || sites.Count > 0 || technicalWords >= 2;
        for (var changed = true; changed;)
        {
            changed = false;
            var linked = occurrences.Where(o => o.Evidence is not null).ToList();
            var present = linked.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
            technical |= present.Count > 0;
            // Ambiguous names written as names (capitalised, or in Japanese) speak for each other when closely related.
            var candidates = occurrences.Where(o => o.Evidence is null && (o.Capitalised || !IsLatin(o.Surface)) && !o.Variant)
                .Select(o => o.Slug).Where(s => !present.Contains(s)).ToHashSet(StringComparer.Ordinal);
            foreach (var occurrence in occurrences.Where(o => o.Evidence is null))
            {
                var evidence = Strong(occurrence, linked, code);
                if (evidence is null)
                {
                    var score = Weigh(occurrence, blocks[occurrence.Block], present, candidates, whole, sites, english, technical, technicalWords, out var reasons);
                    if (occurrence.Variant && NamedElsewhere(occurrence, linked, code) is { } named)
                    {
                        // A document that runs the name as a command (`flux bootstrap`) uses the tool, not the word.
                        score += commands.Contains(occurrence.Surface.ToLowerInvariant()) ? 2 * Close : Close;
                        reasons += ", " + named;
                    }
                    // An English noun in the singular takes an article; a lower-case name right after a preposition
                    // ("read it from vault", "moved to argo") is written as a name.
                    if (occurrence.Variant && !occurrence.Japanese && !occurrence.Surface.Contains(' ', StringComparison.Ordinal) && BarePreposition().IsMatch(blocks[occurrence.Block][..occurrence.Start]))
                    {
                        score += 2 * Close;
                        reasons += ", no article";
                    }
                    occurrence.Weight = score;
                    occurrence.Reasons = reasons;
                    if (score >= (occurrence.Variant ? VariantThreshold : Threshold) - 1e-9) evidence = reasons;
                }
                if (evidence is null) continue;
                occurrence.Evidence = evidence;
                changed = true;
            }
        }
        return occurrences;
    }

    private List<Occurrence> Find(IReadOnlyList<string> blocks, AliasMatcher? spellings)
    {
        var occurrences = new List<Occurrence>();
        for (var block = 0; block < blocks.Count; block++)
        {
            var text = blocks[block];
            var japanese = HasJapanese(text);
            var own = spellings?.Find(text) ?? [];
            foreach (var match in own)
            {
                occurrences.Add(new Occurrence
                {
                    Block = block, Start = match.Start, Length = match.Length, Slug = match.Form.Target, Form = match.Form.Text,
                    Surface = match.Form.Text, Ambiguity = null, Variant = false, InCode = false, Capitalised = false, Japanese = japanese,
                    Evidence = "the document's own spelling",
                });
            }
            foreach (var match in vocabulary.Matcher.Find(text))
            {
                if (own.Any(o => o.Start < match.Start + match.Length && match.Start < o.Start + o.Length)) continue;
                var form = vocabulary.Forms[(match.Form.Text, match.Form.Target)];
                var surface = text.Substring(match.Start, match.Length);
                if (InLongerName(text, match.Start, match.Length, form.Ambiguity)) continue;
                var variant = (char.IsUpper(form.Text[0]) && char.IsLower(surface[0])) ||
                    (form.CaseSensitive && surface != form.Text && !surface.All(c => !char.IsLetter(c) || char.IsUpper(c)));
                var latin = IsLatin(surface);
                // Japanese prose writes a Latin name in lower case as it is spelt on the command line ("argoに移し"): a spelling, not a word.
                var caseVariant = variant;
                variant &= !japanese || surface.Contains(' ', StringComparison.Ordinal);
                occurrences.Add(new Occurrence
                {
                    Block = block,
                    Start = match.Start,
                    Length = match.Length,
                    Slug = match.Form.Target,
                    Form = match.Form.Text,
                    Surface = surface,
                    // A case-sensitive name written in another case is no longer sure to be the technology's.
                    Ambiguity = form.Ambiguity ?? (form.CaseSensitive && caseVariant ? "written in another case" : null),
                    Variant = variant,
                    Respelled = caseVariant,
                    Upper = latin && char.IsUpper(surface[0]),
                    InCode = CountBefore(text, match.Start, '`') % 2 == 1,
                    Capitalised = latin && char.IsUpper(surface[0]) && (japanese || !AtSentenceStart(text, match.Start)),
                    Japanese = japanese,
                });
            }
        }
        return occurrences;
    }

    /// <summary>
    /// A name right after another technology's name, where it ends one of that technology's own names, is the rest of
    /// that name ("Concource CI": a spelling of Concourse, then the "CI" of "Concourse CI"), not a name of its own.
    /// </summary>
    private List<Occurrence> WithoutNameTails(List<Occurrence> occurrences, IReadOnlyList<string> blocks) =>
        occurrences.Where(o => !occurrences.Any(p => p.Block == o.Block && p.Slug != o.Slug && p.Start + p.Length < o.Start &&
            blocks[o.Block].AsSpan(p.Start + p.Length, o.Start - p.Start - p.Length) is " " &&
            vocabulary.Entries.TryGetValue(p.Slug, out var entry) &&
            entry.Technology.Forms.Any(f => f.Text.EndsWith(" " + o.Surface, StringComparison.OrdinalIgnoreCase)))).ToList();

    /// <summary>
    /// An abbreviation goes to the technology it abbreviates when the block names that one beside it ("FDB, that is
    /// FoundationDB"): its letters are the capitals of that name, whichever technology the catalog gives the letters to.
    /// </summary>
    private static List<Occurrence> Expand(List<Occurrence> occurrences)
    {
        var expanded = new List<Occurrence>(occurrences.Count);
        foreach (var o in occurrences)
        {
            var full = o.Surface.Length is >= 2 and <= 5 && o.Surface.All(char.IsAsciiLetterUpper)
                ? occurrences.FirstOrDefault(p => p.Block == o.Block && p.Slug != o.Slug && p.Ambiguity is null && p.Length > o.Length &&
                    new string(p.Form.Where(char.IsUpper).ToArray()) == o.Surface)
                : null;
            if (full is null)
            {
                expanded.Add(o);
                continue;
            }
            // Both spans are kept apart; only the abbreviation's target changes.
            if (expanded.Any(e => e.Block == o.Block && e.Start == o.Start && e.Slug == full.Slug)) continue;
            expanded.RemoveAll(e => e.Block == o.Block && e.Start == o.Start && e.Length == o.Length);
            expanded.Add(new Occurrence
            {
                Block = o.Block, Start = o.Start, Length = o.Length, Slug = full.Slug, Form = o.Form, Surface = o.Surface, Ambiguity = null,
                Variant = false, InCode = o.InCode, Capitalised = o.Capitalised, Japanese = o.Japanese, Evidence = "the abbreviation of " + full.Form,
            });
        }
        return expanded;
    }

    private static string? Strong(Occurrence occurrence, List<Occurrence> linked, HashSet<string> code)
    {
        if (occurrence.InCode) return "code";
        // An English word written as a word ("took the helm") is not the tool because the tool is named elsewhere: for it
        // that is weight (NamedElsewhere), not proof.
        if (occurrence.Variant && !occurrence.Japanese) return null;
        return NamedElsewhere(occurrence, linked, code);
    }

    private static string? NamedElsewhere(Occurrence occurrence, List<Occurrence> linked, HashSet<string> code)
    {
        var lower = occurrence.Surface.ToLowerInvariant();
        if (code.Contains(lower) || code.Contains(lower + "ctl")) return "named in code";
        // In the same English sentence a name can be played on ("Helm's logo is a ship's helm"); Japanese prose writes
        // Latin names only for what they name.
        // A katakana reading or a respelling is a word that can be played on in Japanese too (英語のhelm, ギリシャ神話のプロメテウス).
        var asNamed = occurrence.Japanese && !occurrence.Respelled && IsLatin(occurrence.Surface);
        if (linked.Any(o => o.Slug == occurrence.Slug && (o.Block != occurrence.Block || asNamed))) return "named elsewhere in the document";
        return null;
    }

    private double Weigh(Occurrence occurrence, string text, HashSet<string> present, HashSet<string> candidates, string whole,
        List<string> sites, HashSet<string> english, bool technical, int technicalWords, out string reasons)
    {
        var entry = vocabulary.Entries[occurrence.Slug];
        var parts = new List<string>();
        double score = 0;
        if (entry.Sites.Length > 0 && sites.Any(s => entry.Sites.Any(s.StartsWith)))
        {
            reasons = "its homepage or repository";
            return double.MaxValue;
        }
        // Where a programming language stands ("written in X", 「Xで書いた」), a technology that is one is meant; after
        // "written in", one that is none is not (Apple's Swift is not OpenStack Swift).
        if (InLanguageSlot(text, occurrence.Start, occurrence.Length, out var strict))
        {
            if (entry.IsLanguage)
            {
                score += Close;
                parts.Add("a language where one is meant");
            }
            else if (strict)
            {
                reasons = "a language is meant, and this is none";
                return double.MinValue;
            }
        }
        // What another name was named after is the origin, not the technology ("named after Franz Kafka", 「カナリアに由来する」).
        if (NameOriginBefore().IsMatch(text[..occurrence.Start]) || NameOriginAfter().IsMatch(text, occurrence.Start + occurrence.Length))
        {
            reasons = "what a name was named after";
            return double.MinValue;
        }
        // A name whose origin or logo a sentence explains ("Kafka was named after ...", 「Prometheusという名前は」) is the name of a
        // made thing, not the thing it was named after.
        if (!occurrence.Variant && NamedAfter().IsMatch(text, occurrence.Start + occurrence.Length))
        {
            score += Close;
            parts.Add("its name explained");
        }
        // A word of its own vocabulary right next to it ("Kafka broker", "Helm chart", 「Kafkaのトピック」) says which sense the name has.
        if (!occurrence.Variant && NeighbourOfItsOwn(entry, vocabulary.Weight, text, occurrence.Start, occurrence.Length) is { } neighbour)
        {
            score += Close;
            parts.Add("next to " + neighbour);
        }
        foreach (var other in present)
        {
            if (other == occurrence.Slug) continue;
            var relatedness = vocabulary.Relate(occurrence.Slug, other);
            if (relatedness == Relatedness.None) continue;
            score += relatedness == Relatedness.Close ? Close : Near;
            parts.Add(other);
        }
        foreach (var other in candidates)
        {
            if (other == occurrence.Slug || vocabulary.Relate(occurrence.Slug, other) != Relatedness.Close) continue;
            score += Mutual;
            parts.Add(other);
        }
        foreach (var term in entry.EnglishGloss)
        {
            if (!english.Contains(term)) continue;
            score += vocabulary.Weight(term) * (LinkWords.IsCommonWord(term) ? CommonWordWeight : 1);
            parts.Add(term);
        }
        foreach (var term in entry.JapaneseGloss)
        {
            if (!whole.Contains(term, StringComparison.Ordinal)) continue;
            score += vocabulary.Weight(term);
            parts.Add(term);
        }
        if ((occurrence.Capitalised && occurrence.Ambiguity is NameAmbiguity.Word) || (occurrence.Upper && technical))
        {
            score += Capital;
            parts.Add("capitalised");
        }
        if (technical) score += Technical;
        score += TechnicalWord * Math.Min(technicalWords, TechnicalWords);
        reasons = $"{score:0.0}: {string.Join(", ", parts.Take(6))}";
        return score;
    }

    private static bool InLanguageSlot(string text, int start, int length, out bool strict)
    {
        strict = LanguageBefore().IsMatch(text[..start]);
        return strict || LanguageAfter().IsMatch(text, start + length);
    }

    /// <summary>The word right before or after the name, when the technology's gloss uses it: in English the adjacent word
    /// (past a possessive), in Japanese the run of katakana, kanji or Latin letters joined to it directly or by の.</summary>
    private static string? NeighbourOfItsOwn(LinkVocabulary.Entry entry, Func<string, double> weight, string text, int start, int length)
    {
        var end = start + length;
        foreach (var match in new[] { NextWord().Match(text, end), PreviousWord().Match(text[..start]) })
        {
            if (!match.Success) continue;
            var word = match.Groups[1].Value;
            // In English the word after a name qualifies it ("Kafka broker"); the word before is as often a verb ("read Kafka").
            if (IsLatin(word) && (match.Index < start && !HasJapanese(text))) continue;
            if (IsLatin(word))
            {
                if (FunctionWords.Contains(word)) continue;
                if (SubjectTerms.English(word).FirstOrDefault() is { } term && entry.EnglishGloss.Contains(term) && weight(term) >= NeighbourWeight) return word;
            }
            else if (entry.JapaneseGloss.Any(t => t == word || (t.Length >= 3 && word.StartsWith(t, StringComparison.Ordinal)) ||
                (word.Length >= 3 && t.StartsWith(word, StringComparison.Ordinal)))) return word;
        }
        return null;
    }

    private int Spread(string term) => vocabulary.Spread.GetValueOrDefault(term);

    /// <summary>
    /// Whether a Latin name sits inside a longer name: joined by a slash to a capitalised word that is no catalog name; a capitalised word before it that is not a catalog name, a function
    /// word or an ordinary word opening a sentence ("Franz Kafka", "Titan Prometheus"), or after it a word that ends
    /// names of organisations and events, or a person's name ("Grafana Labs", "Django Reinhardt"). In katakana, an
    /// ambiguous name inside a longer katakana word (ポッドキャスト) or joined to one by a middle dot (エレン・イエーガー).
    /// </summary>
    private bool InLongerName(string text, int start, int length, string? ambiguity)
    {
        var ambiguous = ambiguity is not null;
        var end = start + length;
        if (!IsLatin(text.Substring(start, length)))
        {
            // A compound of katakana words (ハイパーバイザーチューニング) keeps its parts; only an ambiguous name is suspect.
            if (!ambiguous) return false;
            if (start > 0 && (NameAmbiguity.IsKanaChar(text[start - 1]) || text[start - 1] == '・')) return true;
            return end < text.Length && (NameAmbiguity.IsKanaChar(text[end]) || (text[end] == '・' && end + 1 < text.Length && NameAmbiguity.IsKanaChar(text[end + 1])));
        }
        // A path of names (Section9/Serverless, an affiliation's organisation and community) is one name unless each part is the catalog's.
        if (SlashedBefore().Match(text[..start]) is { Success: true } slashed && !vocabulary.FormTexts.Contains(slashed.Groups[1].Value.ToLowerInvariant())) return true;
        if (SlashedAfter().Match(text, end) is { Success: true } slashedAfter && !vocabulary.FormTexts.Contains(slashedAfter.Groups[1].Value.ToLowerInvariant())) return true;
        if (WordAfter().Match(text, end) is { Success: true } after && after.Index == end)
        {
            var word = after.Groups[1].Value;
            var lower = word.ToLowerInvariant();
            if (NameEndings.Contains(word)) return true;
            if (!LinkWords.IsDictionaryWord(lower) && !vocabulary.FormTexts.Contains(lower) &&
                (LinkWords.IsProperName(lower) || (ambiguity == NameAmbiguity.ProperName && word.Any(char.IsLower)))) return true;
        }
        var before = WordBefore().Match(text[..start]);
        if (!before.Success) return false;
        var previous = before.Groups[1].Value;
        if (FunctionWords.Contains(previous) || vocabulary.FormTexts.Contains(previous.ToLowerInvariant())) return false;
        // A compound modifier ("Redis-backed", "Envoy-based") describes the name rather than extending it.
        if (HyphenatedModifier().IsMatch(previous)) return false;
        if (previous.Length <= 5 && previous.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false;
        var at = before.Groups[1].Index;
        // An ordinary word opening a sentence, or anywhere in a title written in title case ("Why We Use Istio"), is no name.
        return !((AtSentenceStart(text, at) || IsTitleCase(text)) && LinkWords.IsDictionaryWord(previous.ToLowerInvariant()));
    }

    private static bool AtSentenceStart(string text, int at) => SentenceOpening().IsMatch(text[..at]);

    private static bool IsTitleCase(string text)
    {
        // Japanese prose capitalises no words of its own: its Latin words are names.
        if (HasJapanese(text)) return false;
        var words = LongWord().Matches(text);
        return words.Count >= 3 && words.Count(w => char.IsUpper(w.Value[0])) * 5 >= words.Count * 3;
    }

    private static HashSet<string> CodeWords(IReadOnlyList<string> blocks)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            foreach (Match span in CodeSpan().Matches(block))
            {
                foreach (Match word in CodeWord().Matches(span.Groups[1].Value)) words.Add(word.Value.ToLowerInvariant());
            }
        }
        return words;
    }

    /// <summary>The first word of each code span: the commands a document runs.</summary>
    private static HashSet<string> Commands(IReadOnlyList<string> blocks)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            foreach (Match span in CodeSpan().Matches(block))
            {
                if (CodeWord().Match(span.Groups[1].Value) is { Success: true, Index: 0 } word) words.Add(word.Value.ToLowerInvariant());
            }
        }
        return words;
    }

    private static List<string> Sites(string text)
    {
        var sites = new List<string>();
        foreach (Match match in Address().Matches(text)) sites.Add(LinkVocabulary.Site(match.Value));
        return sites;
    }

    private static int CountBefore(string text, int at, char c)
    {
        var count = 0;
        for (var i = 0; i < at; i++) if (text[i] == c) count++;
        return count;
    }

    private static bool IsLatin(string text) => text.All(c => c < 0x3000);

    private static bool HasJapanese(string text) => text.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');

    [GeneratedRegex(@"\G ([A-Z][A-Za-z0-9.+-]*)")]
    private static partial Regex WordAfter();

    [GeneratedRegex(@"([A-Z][A-Za-z0-9.+-]*) $")]
    private static partial Regex WordBefore();

    [GeneratedRegex(@"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]*)/$")]
    private static partial Regex SlashedBefore();

    [GeneratedRegex(@"\G/([A-Z][A-Za-z0-9]*)(?![A-Za-z0-9])")]
    private static partial Regex SlashedAfter();

    // A sentence opens a line (after a Markdown heading mark, a bullet or a number) or follows its end punctuation.
    [GeneratedRegex(@"(?:[.!?。:：]\s*|^\s*(?:#+|[-*+>•]|\d+[.)])?\s*)$")]
    private static partial Regex SentenceOpening();

    [GeneratedRegex(@"\G(?:'s)?(?: |の)?([A-Za-z][A-Za-z0-9]+|[\u30A1-\u30FA\u30FC]{2,}|[\u4E00-\u9FFF]{2,})")]
    private static partial Regex NextWord();

    [GeneratedRegex(@"(?<![A-Za-z0-9\u30A1-\u30FA\u30FC\u4E00-\u9FFF])([A-Za-z][A-Za-z0-9]+|[\u30A1-\u30FA\u30FC]{2,}|[\u4E00-\u9FFF]{2,})(?: |の)?$")]
    private static partial Regex PreviousWord();

    [GeneratedRegex(@"\b(?:(?:re)?written|coded|implemented|programmed) in $", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageBefore();

    [GeneratedRegex(@"\Gで(?:書|実装)")]
    private static partial Regex LanguageAfter();

    [GeneratedRegex(@"\b(?:from|to|into|onto|with|via|through|by|using|behind|in|on) $", RegexOptions.IgnoreCase)]
    private static partial Regex BarePreposition();

    [GeneratedRegex(@"(?<=\s|`)--?[a-z][a-z-]*|\b[\w-]+\.(?:ya?ml|json|toml|conf|sh|tf|md)\b|\bv?\d+\.\d+(?:\.\d+)?\b")]
    private static partial Regex TechnicalMark();

    [GeneratedRegex(@"\G(?:(?:'s)? (?:was |is )?(?:named (?:after|for)|takes its name from|gets its name from|'s logo|logo)\b|(?:という名前は|の名前は|の名は|のロゴは))")]
    private static partial Regex NamedAfter();

    [GeneratedRegex(@"\b(?:named (?:after|for)|(?:takes|gets) its name from)(?: the)?(?: [A-Z][a-z]+)? $")]
    private static partial Regex NameOriginBefore();

    [GeneratedRegex(@"\G(?:に由来|にちなん)")]
    private static partial Regex NameOriginAfter();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*-[a-z]+$")]
    private static partial Regex HyphenatedModifier();

    [GeneratedRegex("[A-Za-z]{4,}")]
    private static partial Regex LongWord();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_.-]*")]
    private static partial Regex CodeWord();

    [GeneratedRegex(@"(?:https?://)?(?:[a-z0-9-]+\.)+(?:io|org|com|dev|net|sh|cloud|ai|app|co|jp)(?:/[^\s)>\]]*)?", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
