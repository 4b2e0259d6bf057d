using Catalog.Api.Import.Landscape;

namespace Catalog.Tests.Import.Landscape;

/// <summary>Copying a landscape file into the seed leaves out the landscape's sentences and nothing else.</summary>
public sealed class LandscapeProseTests
{
    private const string Published = """
        # a comment stays
        landscape:
          - category:
            name: Runtime
            subcategories:
              - subcategory:
                name: Container Runtime
                note: A note the landscape wrote.
                items:
                  - item:
                    name: One
                    description: A plain sentence.
                    homepage_url: https://one.example/
                  - item:
                    name: Two
                    description: >-
                      A folded sentence

                      over two paragraphs.
                    homepage_url: https://two.example/
                    extra:
                      accepted: '2020-01-01'
                      summary_use_case: |
                        A literal
                          block.
                      summary_tags: a, b
                  - item:
                    name: Three
                    homepage_url: https://three.example/
                    description: "A quoted sentence
                      that goes on."
        """;

    private const string Facts = """
        # a comment stays
        landscape:
          - category:
            name: Runtime
            subcategories:
              - subcategory:
                name: Container Runtime
                items:
                  - item:
                    name: One
                    homepage_url: https://one.example/
                  - item:
                    name: Two
                    homepage_url: https://two.example/
                    extra:
                      accepted: '2020-01-01'
                      summary_tags: a, b
                  - item:
                    name: Three
                    homepage_url: https://three.example/
        """;

    [Fact]
    public void Descriptions_summaries_and_notes_go_and_every_other_line_stays()
    {
        var (text, removed) = LandscapeProse.Strip(Published);
        Assert.Equal(Facts, text);
        Assert.Equal(5, removed);
        Assert.Equal((Facts, 0), LandscapeProse.Strip(Facts));
    }
}
