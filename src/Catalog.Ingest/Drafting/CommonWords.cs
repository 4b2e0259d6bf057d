using System.Collections.Frozen;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// Everyday English words, and words every conference post uses, that are never taken for the name of a technology
/// the catalog lacks nor for a misspelling of one.
/// </summary>
internal static class CommonWords
{
    public static bool Contains(string word) => Words.Contains(word);

    private static readonly FrozenSet<string> Words = (
        "a about above across after again against ago all almost also although always am among an and another any anyone anything are " +
        "around as ask at available away back bad based be because been before being below best better between big both bring build " +
        "built but by call came can cannot case change check clear close come common could course current day days deep did different " +
        "do does doing done down during each early easy either else end enough even every everyone everything example fast few find " +
        "first for found free from full get getting give given go going good got great had happy hard has have having he help her here " +
        "high him his how however i if important in instead into is it its just keep kind know large last later least less let like " +
        "likely little long look lot lots low made main make makes making many may maybe me might more most much must my need needs " +
        "never new next nice no none nor not nothing now of off often ok okay old on once one only open or other others our out over " +
        "own part people per place point possible pretty put quite rather real really right run running same saw say see seems seen " +
        "several she should show side simple since small so some something still such sure take talk talks than that the their them " +
        "then there these they thing things think this those though through time to today together too took top toward try two under " +
        "until up upon us use used useful uses using very via want was way we well went were what when where whether which while who " +
        "whole why will with within without work working works would yes yet you your " +
        // Words of conference posts.
        "agenda afternoon attendee attendees audience booth booths ceo cfo cto chair closing conference conferences day demo demos " +
        "discussion event events evening hall keynote keynotes lightning morning note notes panel party presentation presentations " +
        "question questions recap room session sessions slide slides speaker speakers sponsor sponsors stage summary tutorial tutorials " +
        "track tracks venue video videos workshop workshops week year years q a qa lt " +
        // Words around software that name no technology of their own.
        "app apps application applications architecture automation backend build builds case cloud cluster clusters code community " +
        "company companies component components config configuration container containers cost data database deploy deployment " +
        "design developer developers development engineer engineering engineers environment feature features frontend goal " +
        "infrastructure issue issues job jobs level library load log logs memory model models module monitoring network node nodes " +
        "operation operations ops performance platform platforms policy problem process product production project projects " +
        "release releases request requests resource resources rollout rolling scale scaling security server servers service services " +
        "setup software solution source stack state status storage support system systems team teams test testing tests tool tools " +
        "traffic update updates user users version versions web workload workloads " +
        // Months, days and the like.
        "january february march april may june july august september october november december monday tuesday wednesday thursday " +
        "friday saturday sunday inc ltd co corp llc jp en sec min ms req reqs gb mb kb tb").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
