using Catalog.Ingest.Import;
using Catalog.Model.Technologies;
using Catalog.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Catalog.Tests.Import;

/// <summary>
/// Kubernetes' own vocabulary: the technical terms of the official Kubernetes glossary (kubernetes/website,
/// content/en/docs/reference/glossary/, as of the commit the terms file names) resolve in the seed by their
/// glossary name, the way <c>technology(slug:)</c> resolves a text: the text folded by
/// <see cref="TechnologyAlias.Normalize"/> and looked up among every technology's name, aliases and slug.
/// </summary>
public sealed class KubernetesGlossaryTests(ITestOutputHelper output)
{
    /// <summary>The share of the glossary's technical terms that must resolve.</summary>
    private const double RequiredShare = 0.95;

    /// <summary>
    /// Terms of the list that are allowed not to resolve, each with its reason. Every other term must resolve, so
    /// removing a term's technology or alias from the seed fails the test even while the share stays above
    /// <see cref="RequiredShare"/>.
    /// </summary>
    private static readonly Dictionary<string, string> KnownUnresolved = new(StringComparer.Ordinal);

    private static string TermsPath => Path.Combine(AppContext.BaseDirectory, "Data", "kubernetes-glossary-terms.txt");

    /// <summary>The glossary titles of the terms file: one a line, without blank lines and # comments.</summary>
    private static List<string> Terms() =>
        File.ReadAllLines(TermsPath)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    /// <summary>Every look-up key of the seed (names, aliases and slugs of curated and landscape technologies).</summary>
    private static HashSet<string> LookUpKeys(ImportPlan plan) =>
        plan.Aliases.Values.SelectMany(forms => forms).Select(form => form.Normalized).ToHashSet(StringComparer.Ordinal);

    private static bool Resolves(HashSet<string> keys, string term) => keys.Contains(TechnologyAlias.Normalize(term));

    [Fact]
    public void The_terms_file_lists_the_glossarys_technical_terms_once_each()
    {
        var terms = Terms();

        Assert.True(terms.Count >= 130, $"{TermsPath} lists {terms.Count} terms; the glossary has about 140 technical ones.");
        var twice = terms.GroupBy(TechnologyAlias.Normalize).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Listed twice: " + string.Join(", ", twice));
        Assert.Contains("Pod", terms);
        Assert.Contains("Endpoints", terms);
        Assert.Contains("EndpointSlice", terms);
        Assert.All(KnownUnresolved.Keys, term => Assert.Contains(term, terms));
    }

    [Fact]
    public void At_least_95_percent_of_the_glossarys_technical_terms_resolve_and_none_that_resolved_is_lost()
    {
        var terms = Terms();
        var keys = LookUpKeys(SeedLoader.Load(Seeds.Repository));

        var unresolved = terms.Where(term => !Resolves(keys, term)).ToList();
        var share = (double)(terms.Count - unresolved.Count) / terms.Count;
        output.WriteLine($"{terms.Count - unresolved.Count} of {terms.Count} glossary terms resolve ({share:P1}).");
        foreach (var term in unresolved)
            output.WriteLine($"unresolved: {term}" + (KnownUnresolved.TryGetValue(term, out var why) ? $" (known: {why})" : ""));

        var lost = unresolved.Where(term => !KnownUnresolved.ContainsKey(term)).ToList();
        Assert.True(lost.Count == 0,
            $"{lost.Count} glossary term(s) do not resolve by their glossary name: {string.Join(", ", lost)}. " +
            "Give each a technology, or an alias of the technology it names.");
        Assert.True(share >= RequiredShare,
            $"{share:P1} of the glossary's technical terms resolve; at least {RequiredShare:P0} must. Unresolved: {string.Join(", ", unresolved)}");
    }

    [Fact]
    public void Endpoints_and_EndpointSlice_are_two_technologies()
    {
        var plan = SeedLoader.Load(Seeds.Repository);
        string? Owner(string text)
        {
            var key = TechnologyAlias.Normalize(text);
            return plan.Aliases.FirstOrDefault(entry => entry.Value.Any(form => form.Normalized == key)).Key;
        }

        var endpoints = Owner("Endpoints");
        var endpointSlice = Owner("EndpointSlice");
        Assert.NotNull(endpoints);
        Assert.NotNull(endpointSlice);
        Assert.NotEqual(endpointSlice, endpoints);
    }
}
