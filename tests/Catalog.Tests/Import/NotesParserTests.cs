using Catalog.Api.Import;

namespace Catalog.Tests.Import;

public sealed class NotesParserTests
{
    [Fact]
    public void Headings_split_sections_and_the_lines_before_the_first_form_the_preamble()
    {
        var notes = NotesParser.Parse("n.md", "blog\n\n# Post\nintro\n## Talks\n### First talk\n- a\n  - b\n### Second\n");

        Assert.Equal(
            [(null, 0, 1, 2), ("Post", 1, 3, 4), ("Talks", 2, 5, 5), ("First talk", 3, 6, 8), ("Second", 3, 9, 9)],
            notes.Sections.Select(s => (s.Heading, s.Level, s.StartLine, s.EndLine)));
        Assert.Equal("  - b", notes.Line(8));
    }

    [Fact]
    public void A_document_that_starts_with_a_heading_has_no_preamble()
    {
        var notes = NotesParser.Parse("n.md", "# Only\r\ntext");
        var section = Assert.Single(notes.Sections);
        Assert.Equal(("Only", 1, 2), (section.Heading, section.StartLine, section.EndLine));
    }

    [Fact]
    public void Hashes_without_a_space_and_inside_code_fences_are_not_headings()
    {
        var notes = NotesParser.Parse("n.md", "# A\n#hashtag\n```\n# not a heading\n```\n");
        Assert.Equal(["A"], notes.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void The_seed_notes_keep_every_talk_and_other_section_as_a_heading()
    {
        var text = File.ReadAllText(Path.Combine(Infrastructure.Seeds.Repository, "notes", "japan-container-days-v18-04.md"));
        var notes = NotesParser.Parse("n.md", text);

        Assert.Equal(16, notes.Sections.Count);
        Assert.Equal(207, notes.Lines.Count);
        Assert.Contains(notes.Sections, s => s.Heading == "Container Networking Deep dive" && s.StartLine == 106);
        Assert.Contains(notes.Sections, s => s.Heading == "ブースで聞いた話" && s.Level == 2);
        // Bullets stay bullets and nesting stays nesting.
        Assert.Equal("  - Keystone、Designate、Cinder、Heatみたいなツールがある、知らない世界", notes.Line(24));
    }
}
