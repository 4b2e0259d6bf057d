using System.Collections.Frozen;
using Catalog.Ingest.Landscape;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// Words that look like names in a post but never name a technology the catalog lacks: days and months, places,
/// and the abbreviations of everyday work. The lists are the project's own; English dictionary words come from the
/// embedded word list (<see cref="EnglishWords"/>).
/// </summary>
internal static class NotCandidates
{
    public static bool Contains(string term)
    {
        if (Words.Contains(term)) return true;
        // A capitalised dictionary word ("Console", "Management") is a word at any place in a sentence; CamelCase
        // and acronyms ("GitOps", "OPA") are not dictionary words.
        var inner = term.Skip(1).Any(char.IsAsciiLetterUpper);
        return !inner && term.Split(' ').All(w => EnglishWords.Contains(w) || CommonWords.Contains(w) || Words.Contains(w));
    }

    private static readonly FrozenSet<string> Words = (
        // Days and months, and their short forms.
        "Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec " +
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August " +
        "September October November December AM PM JST UTC GMT PST PDT CET CEST " +
        // Places where the field meets: cities, countries, regions.
        "Tokyo Osaka Kyoto Fukuoka Sapporo Nagoya Yokohama Kobe Sendai Okinawa Naha Shibuya Shinjuku Akihabara Japan " +
        "London Paris Amsterdam Barcelona Valencia Copenhagen Berlin Munich Zurich Vienna Prague Madrid Lisbon Dublin Milan " +
        "Detroit Chicago Seattle Austin Boston Atlanta Denver Portland Vancouver Toronto Montreal Utah SF NYC LA " +
        "Shanghai Beijing Shenzhen Hangzhou Seoul Singapore Mumbai Bangalore Bengaluru Delhi Hyderabad Sydney Melbourne " +
        "India China Korea Taiwan Europe EU America USA US UK Germany France Spain Netherlands Canada Australia Asia " +
        // The abbreviations of everyday work.
        "PR PRs MR TODO TBD WIP FYI FAQ ASAP LGTM OS IO UI UX QA PoC POC MVP KPI OKR CEO CTO CFO COO VP HR PM " +
        "DM DMs ID IDs URL URLs OSS OK NG etc vs " +
        // Parts of every system, named generically: no product of their own.
        "DB DBs API APIs CPU CPUs RAM HA").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
