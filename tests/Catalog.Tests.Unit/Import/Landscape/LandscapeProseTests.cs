using Catalog.Api.Commands;
using Catalog.Ingest.Landscape;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

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
    public void The_copy_command_writes_the_file_into_the_seed_without_its_sentences()
    {
        var folder = Path.Combine(Path.GetTempPath(), "catalog-landscape-copy-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var source = Path.Combine(folder, "landscape.yml");
            File.WriteAllText(source, Published);
            var configuration = new ConfigurationBuilder().Build();
            var environment = new HostingEnvironment { ContentRootPath = folder };

            Assert.Equal(0, LandscapeCommand.Run(configuration, environment, ["landscape", "copy", source, "--seed", Path.Combine(folder, "seed")]));
            Assert.Equal(Facts, File.ReadAllText(Path.Combine(folder, "seed", "landscape", "landscape.yml")));
            Assert.Equal(2, LandscapeCommand.Run(configuration, environment, ["landscape", "copy", Path.Combine(folder, "missing.yml")]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Descriptions_summaries_and_notes_go_and_every_other_line_stays()
    {
        var (text, removed) = LandscapeProse.Strip(Published);
        Assert.Equal(Facts, text);
        Assert.Equal(5, removed);
        Assert.Equal((Facts, 0), LandscapeProse.Strip(Facts));
    }
}
