using System.Text.RegularExpressions;
using Catalog.Ingest.Import;
using Catalog.Ingest.Landscape;
using Catalog.Ingest.Linking;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Drafting;

/// <summary>What one line of the notes holds.</summary>
internal sealed record LineScan(
    IReadOnlyList<(string Technology, TextSpan Span)> Mentions,
    IReadOnlyList<DraftNearMiss> NearMisses,
    IReadOnlyList<string> Candidates,
    IReadOnlyList<(string Person, int Start)> People,
    IReadOnlyList<(string Organization, int Start)> Organizations,
    IReadOnlyList<string> Handles)
{
    public static LineScan Empty { get; } = new([], [], [], [], [], []);
}

/// <summary>
/// Reads lines of notes against the catalog's vocabulary: the mentions an import will record (the importer's own
/// matcher and forms), near-miss spellings of known names (trigram similarity as the search's typo tier computes
/// it, and at most one or two edits), forms kept from running text on purpose, terms that look like technologies
/// the catalog lacks, and the people and organisations it knows.
/// </summary>
internal sealed partial class DraftScanner
{
    private readonly AliasMatcher _technologies;
    private readonly AliasMatcher _people;
    private readonly AliasMatcher _organizations;
    private readonly Dictionary<string, VocabularyTechnology> _bySlug;
    private readonly Dictionary<string, (string Technology, string Form)> _lookUpOnly = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Technology, string Form)> _caseSensitive = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Technology, string Form, string Compact, ulong[] Trigrams)> _typoForms = [];
    private readonly HashSet<string> _compactForms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _formPrefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<int>> _byTrigram = [];
    private readonly Dictionary<string, int> _byCompact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Technology, string Form)> _katakana = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Technology, string Form)> _acronyms = new(StringComparer.Ordinal);
    private readonly NearMissRule _rule;

    public DraftScanner(NotesVocabulary vocabulary, NearMissRule? rule = null)
    {
        _rule = rule ?? NearMissRule.Chosen;
        _bySlug = vocabulary.Technologies.GroupBy(t => t.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _technologies = new AliasMatcher(vocabulary.Technologies.SelectMany(t => t.Forms.Where(f => f.Match).Select(f => new MatchForm(f.Text, t.Slug, f.CaseSensitive))));
        _people = new AliasMatcher(vocabulary.People.SelectMany(p => PersonForms(p).Select(f => new MatchForm(f, p.Slug, false))));
        // A social or publishing site ("/ Twitter" beside a speaker's link) says where a person publishes, not whom they work for.
        _organizations = new AliasMatcher(vocabulary.Organizations.Where(o => !SpeakerResolver.IsSite(o))
            .SelectMany(o => o.Forms.Select(f => new MatchForm(f, o.Slug, false))));
        foreach (var technology in vocabulary.Technologies)
        {
            foreach (var form in technology.Forms)
            {
                _known.Add(form.Text);
                if (!form.Match) _lookUpOnly.TryAdd(form.Text, (technology.Slug, form.Text));
                else if (form.CaseSensitive) _caseSensitive.TryAdd(form.Text, (technology.Slug, form.Text));
                if (form.Match && KatakanaForm().IsMatch(form.Text)) _katakana.TryAdd(KatakanaKey(form.Text), (technology.Slug, form.Text));
                if (form.Match && form.Text.Length is >= 2 and <= 6 && form.Text.All(char.IsAsciiLetterUpper)) _acronyms.TryAdd(form.Text, (technology.Slug, form.Text));
                var compact = Compact(form.Text);
                if (!form.Match || compact.Length < 4 || !compact.All(char.IsAsciiLetterOrDigit)) continue;
                _typoForms.Add((technology.Slug, form.Text, compact, Trigrams.Set(compact.ToLowerInvariant())));
                _byCompact.TryAdd(compact, _typoForms.Count - 1);
                _compactForms.Add(compact);
                for (var length = 4; length < compact.Length; length++) _formPrefixes.Add(compact[..length]);
                foreach (var trigram in _typoForms[^1].Trigrams)
                {
                    if (!_byTrigram.TryGetValue(trigram, out var list)) _byTrigram[trigram] = list = [];
                    list.Add(_typoForms.Count - 1);
                }
            }
        }
        foreach (var technology in vocabulary.Technologies)
        {
            // Looked up as technology(slug:) and the search look a name up: by slug too, and a landscape name written
            // "Long Name (ABBR)" by either part.
            _known.Add(technology.Slug);
            foreach (var form in technology.Forms)
            {
                if (LongNameAndAbbreviation().Match(form.Text) is { Success: true } both) _known.UnionWith([both.Groups[1].Value, both.Groups[2].Value]);
            }
        }
        // The names of known events, word by word ("KubeCon", "CloudNativeCon"), are no technologies.
        foreach (var e in vocabulary.Events) _known.UnionWith(e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var person in vocabulary.People) _known.UnionWith(PersonForms(person));
        foreach (var organization in vocabulary.Organizations) _known.UnionWith(organization.Forms);
    }

    public string NameOf(string technology) => _bySlug.TryGetValue(technology, out var t) ? t.Name : technology;

    public LineScan Scan(string line, int number, bool verbatim)
    {
        if (line.Length == 0) return LineScan.Empty;
        var mentions = _technologies.Find(line).Select(m => (m.Form.Target, new TextSpan(m.Start, m.Start + m.Length))).ToList();
        var people = _people.Find(line).Select(m => (m.Form.Target, m.Start)).ToList();
        var organizations = _organizations.Find(line).Select(m => (m.Form.Target, m.Start)).ToList();
        if (verbatim) return new LineScan(mentions, [], [], people, organizations, []);

        var taken = mentions.Select(m => m.Item2)
            .Concat(_people.Find(line).Concat(_organizations.Find(line)).Select(m => new TextSpan(m.Start, m.Start + m.Length)))
            .ToList();
        var markup = DraftText.Markup(line);
        var code = DraftText.Code(line).ToList();
        var japanese = DraftText.HasJapanese(line);
        var nearMisses = new List<DraftNearMiss>();
        var candidates = new List<(string Text, TextSpan Span)>();
        var words = DraftText.Words(line).ToList();
        for (var w = 0; w < words.Count; w++)
        {
            var span = words[w];
            if (DraftText.Overlaps(markup, span)) continue;
            if (span.Start > 0 && line[span.Start - 1] == '@') continue;
            var word = line[span.Start..span.End];
            var inCode = DraftText.Overlaps(code, span);
            // Two or three words may misspell a name of several ("Concource CI", "Open Policy Agnet"), even when a part of
            // them is a name of its own ("CI", "Open Policy"): the whole run is the spelling to link.
            if (!inCode && Phrase(line, words, w, taken, markup, number) is { } phrase)
            {
                nearMisses.Add(phrase.NearMiss);
                w += phrase.Words - 1;
                continue;
            }
            if (DraftText.Overlaps(taken, span)) continue;
            if (!inCode && NearMiss(word, number, phrase: false) is { } nearMiss)
            {
                nearMisses.Add(nearMiss);
                continue;
            }
            // In code (`kubectl apply -f x.yaml`) only the first word names something: the command.
            if (inCode && !code.Any(c => c.Start <= span.Start && span.Start < c.End && line[c.Start..span.Start].Trim().Length == 0)) continue;
            if (!_known.Contains(word) && LooksLikeTechnology(line, span, word, japanese, inCode)) candidates.Add((word, span));
        }
        if (japanese) nearMisses.AddRange(KatakanaNearMisses(line, number, taken));
        var handles = Handle().Matches(line).Where(m => !DraftText.Overlaps(markup, new TextSpan(m.Index, m.Index + m.Length)))
            .Select(m => m.Groups[1].Value).Where(h => !_known.Contains("@" + h) && !_known.Contains(h)).ToList();
        var terms = JoinPhrases(line, candidates).Where(t => !_known.Contains(t) && !NotCandidates.Contains(t)).ToList();
        return new LineScan(mentions, nearMisses, terms, people, organizations, handles);
    }

    /// <summary>
    /// The longest run of three or two words from <paramref name="first"/>, one space apart, that spells a known name of
    /// several words (or one written apart: "Git Hub") in another way; a run must have a word no mention covers.
    /// </summary>
    private (DraftNearMiss NearMiss, int Words)? Phrase(string line, List<TextSpan> words, int first, List<TextSpan> taken, List<TextSpan> markup, int number)
    {
        for (var count = Math.Min(3, words.Count - first); count >= 2; count--)
        {
            var run = words.GetRange(first, count);
            var apart = true;
            for (var i = 1; i < count && apart; i++)
                apart = run[i].Start == run[i - 1].End + 1 && line[run[i - 1].End] == ' ' && !DraftText.Overlaps(markup, run[i]);
            if (!apart || run.All(s => DraftText.Overlaps(taken, s))) continue;
            // A name of several words neither starts nor ends with a word in lower case such as "and", "to", "the":
            // "Kubernetes and" is a name and a word ("Open Policy Agnet" starts with a capital, and may be a name).
            if (IsLowerCommon(line[run[0].Start..run[0].End]) || IsLowerCommon(line[run[^1].Start..run[^1].End])) continue;
            var text = line[run[0].Start..run[^1].End];
            if (NearMiss(text, number, phrase: true) is { } nearMiss
                && (nearMiss.Form.Contains(' ', StringComparison.Ordinal) || Compact(nearMiss.Form) == Compact(text)))
                return (nearMiss, count);
        }
        return null;
    }

    /// <summary>A known form in another spelling: a near-miss of a name, a look-up-only form, or a case-sensitive one in another case.</summary>
    private DraftNearMiss? NearMiss(string word, int line, bool phrase)
    {
        if (CommonWords.Contains(word)) return null;
        if (_lookUpOnly.TryGetValue(word, out var hidden))
            return new DraftNearMiss(word, line, hidden.Technology, NameOf(hidden.Technology), hidden.Form, 1, LookUpOnly: true);
        if (_caseSensitive.TryGetValue(word, out var cased))
            return new DraftNearMiss(word, line, cased.Technology, NameOf(cased.Technology), cased.Form, 1, LookUpOnly: true);
        // An acronym in the plural ("CRDs", "PVs") is the acronym: the alias that links it is offered.
        if (word.Length >= 3 && word[^1] == 's' && _acronyms.TryGetValue(word[..^1], out var plural) && !_known.Contains(word))
            return new DraftNearMiss(word, line, plural.Technology, NameOf(plural.Technology), plural.Form, 1, LookUpOnly: false);
        var compact = Compact(word);
        if (compact.Length < 4 || _known.Contains(word)) return null;
        // An everyday word is a word ("checkpoint" is no Check Point); a given name or place is a name ("Marko" is no
        // misspelling of a product).
        if (!phrase && !_rule.MayMisspell(word, compact)) return null;
        if (!phrase && LinkWords.IsProperName(word.ToLowerInvariant()) && !LinkWords.IsDictionaryWord(word.ToLowerInvariant())) return null;
        // Written with or without its spaces and hyphens ("AppEngine", "Cloud Events", "kube vip"), it is the name.
        if (_byCompact.TryGetValue(compact, out var same))
        {
            var form = _typoForms[same];
            return new DraftNearMiss(word, line, form.Technology, NameOf(form.Technology), form.Form, 1, LookUpOnly: false);
        }
        // So is a run of everyday words, when it is not a name written apart.
        if (phrase && word.Split(' ').All(w => CommonWords.Contains(w) || EnglishWords.Contains(w))) return null;
        if (compact.Length < _rule.MinLength) return null;
        // A word that starts a known form or that a known form starts ("container" and containerd, "Dockers" and
        // Docker) is a word of its own, not a misspelling. A run of words may start with a name ("Google Cloud Buidl").
        if (!phrase && _formPrefixes.Contains(compact)) return null;
        for (var length = 4; length < compact.Length && !phrase; length++)
        {
            if (_compactForms.Contains(compact[..length])) return null;
        }
        var trigrams = Trigrams.Set(compact.ToLowerInvariant());
        var shared = new Dictionary<int, int>();
        foreach (var trigram in trigrams)
        {
            if (!_byTrigram.TryGetValue(trigram, out var forms)) continue;
            foreach (var form in forms) shared[form] = shared.GetValueOrDefault(form) + 1;
        }
        DraftNearMiss? best = null;
        foreach (var (index, count) in shared)
        {
            var form = _typoForms[index];
            var similarity = (double)count / (trigrams.Length + form.Trigrams.Length - count);
            if (best is not null && similarity <= best.Similarity) continue;
            // Nor is a word that ends a form or that a form ends ("kubectl" and ctl).
            if (compact != form.Compact && (form.Compact.EndsWith(compact, StringComparison.Ordinal) || compact.EndsWith(form.Compact, StringComparison.Ordinal))) continue;
            if (!_rule.Accepts(compact, form.Compact, similarity)) continue;
            // A capitalised word is no misspelling of a name its makers write in lower case ("Marko" and marqo): a
            // misspelling keeps the name's look.
            if (!phrase && char.IsUpper(word[0]) && !form.Form.Any(char.IsUpper)) continue;
            best = new DraftNearMiss(word, line, form.Technology, NameOf(form.Technology), form.Form, Math.Round(similarity, 2), LookUpOnly: false);
        }
        return best;
    }

    private static bool IsLowerCommon(string word) => word.All(char.IsAsciiLetterLower) && CommonWords.Contains(word);

    /// <summary>
    /// Katakana written another way than a known reading: a long-vowel mark more or less, a small vowel written large
    /// (サバーレス, サーバレス for サーバーレス; ケネイティブ for ケーネイティブ). Only a whole run of katakana is compared.
    /// </summary>
    private IEnumerable<DraftNearMiss> KatakanaNearMisses(string line, int number, List<TextSpan> taken)
    {
        foreach (Match run in KatakanaRun().Matches(line))
        {
            // A run a mention covers whole is linked already; one that goes on past a mention may misspell a longer name.
            if (taken.Any(t => t.Start <= run.Index && run.Index + run.Length <= t.End) || _known.Contains(run.Value)) continue;
            if (_katakana.TryGetValue(KatakanaKey(run.Value), out var form))
                yield return new DraftNearMiss(run.Value, number, form.Technology, NameOf(form.Technology), form.Form, 1, LookUpOnly: false);
        }
    }

    /// <summary>Katakana as its variants write it alike: no long-vowel marks or dots, small vowels and ャュョ large, ヴ as ブ.</summary>
    private static string KatakanaKey(string text)
    {
        var key = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is 'ー' or '・' or ' ') continue;
            key.Append(c switch { 'ァ' => 'ア', 'ィ' => 'イ', 'ゥ' => 'ウ', 'ェ' => 'エ', 'ォ' => 'オ', 'ャ' => 'ヤ', 'ュ' => 'ユ', 'ョ' => 'ヨ', 'ヴ' => 'ブ', _ => c });
        }
        return key.ToString();
    }

    /// <summary>
    /// Whether a word not in the catalog reads like the name of a technology: written in code, CamelCase or an
    /// acronym ("gRPC", "eBPF", "OPA"), with a digit or a hyphen inside ("k3s", "kube-proxy"), capitalised where a
    /// sentence does not start, or any word in Japanese text (which writes products and projects in Latin letters).
    /// Everyday English and conference words never are.
    /// </summary>
    private static bool LooksLikeTechnology(string line, TextSpan span, string word, bool japanese, bool inCode)
    {
        if (word.Length < 2 || CommonWords.Contains(word) || NotCandidates.Contains(word) || Version().IsMatch(word)) return false;
        // A file's name ("logo.webp", "slides.pdf") names a file; a dictionary word in capitals ("SANDBOX") is shouted, not named.
        // Acronyms are short: a word of seven capitals or more is a word written loud.
        if (FileName().IsMatch(word) || (word.All(char.IsAsciiLetterUpper) && (word.Length >= 7 || (word.Length >= 6 && EnglishWords.Contains(word))))) return false;
        if (inCode) return word.Length >= 3;
        var inner = word.Skip(1).Any(char.IsAsciiLetterUpper);
        if (inner && word.Length >= 2) return true;
        if (word.Length >= 3 && word.Any(char.IsAsciiDigit)) return true;
        if (word.Contains('-', StringComparison.Ordinal) && word.Length >= 5) return japanese || char.IsAsciiLetterUpper(word[0]);
        if (japanese) return word.Length >= 3;
        return char.IsAsciiLetterUpper(word[0]) && word.Length >= 3 && !StartsSentence(line, span.Start);
    }

    /// <summary>Whether a word starts a sentence (or a line, a list item or a quote), where capitals say nothing.</summary>
    private static bool StartsSentence(string line, int start)
    {
        var i = start - 1;
        while (i >= 0 && line[i] is ' ' or '\t' or '"' or '\'' or '(' or '“' or '‘' or '*' or '_') i--;
        // A list item or a table cell names things; it is no sentence ("- Terraform", "1. Vault", "| Consul |").
        if (ListMarker().Match(line) is { Success: true } item && i < item.Length) return false;
        if (i < 0) return true;
        if (line[i] == '|') return false;
        return line[i] is '.' or '!' or '?' or ':' or '>' or '#';
    }

    /// <summary>Neighbouring capitalised candidates one space apart make one term ("Cloud Run", "Open Policy Agent").</summary>
    private static List<string> JoinPhrases(string line, List<(string Text, TextSpan Span)> candidates)
    {
        var terms = new List<string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (text, span) = candidates[i];
            var end = span.End;
            while (i + 1 < candidates.Count && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(candidates[i + 1].Text[0])
                && candidates[i + 1].Span.Start == end + 1 && line[end] == ' ')
            {
                i++;
                end = candidates[i].Span.End;
            }
            terms.Add(line[span.Start..end]);
        }
        return terms;
    }

    private static IEnumerable<string> PersonForms(VocabularyPerson person)
    {
        yield return person.Name;
        if (string.IsNullOrEmpty(person.Handle)) yield break;
        yield return "@" + person.Handle;
        if (person.Handle.Length >= 4) yield return person.Handle;
    }

    /// <summary>A form as typo matching compares it: lower case, without spaces, hyphens and dots ("App Engine", "AppEngine").</summary>
    private static string Compact(string text) =>
        string.Concat(TechnologyAlias.Normalize(text).Where(c => c is not (' ' or '-' or '.' or '_')));

    [GeneratedRegex(@"^(.+?)\s*\(([A-Za-z0-9][A-Za-z0-9.-]{1,15})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex LongNameAndAbbreviation();

    [GeneratedRegex(@"^\s*(?:>\s*)*(?:[-+*•]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^[\u30A1-\u30FA\u30FC・]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex KatakanaForm();

    [GeneratedRegex(@"[\u30A1-\u30FA\u30FC・]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex KatakanaRun();

    [GeneratedRegex(@"^[\w.-]+\.(?:png|jpe?g|gif|webp|svg|pdf|md|html?|txt|csv|mp4|mov)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^(?:v?\d[\w.]*|[xX]\d+|\d+[A-Za-z]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Version();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.@])@([A-Za-z0-9_]{2,39})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
