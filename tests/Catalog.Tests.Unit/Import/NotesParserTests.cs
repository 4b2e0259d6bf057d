using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

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
    public void Lines_end_at_lf_crlf_or_cr_and_a_byte_order_mark_is_not_text()
    {
        var notes = NotesParser.Parse("n.md", "\uFEFF# A\r\none\rtwo\n## B\r\n");
        Assert.Equal(["# A", "one", "two", "## B"], notes.Lines);
        Assert.Equal([("A", 1, 3), ("B", 4, 4)], notes.Sections.Select(s => (s.Heading, s.StartLine, s.EndLine)));
    }

    [Fact]
    public void Tilde_fences_html_comments_and_raw_html_blocks_hold_no_headings()
    {
        const string text = "# A\n~~~\n# in a fence\n```\n# still in it\n~~~\n<!--\n# in a comment\n-->\n<pre>\n# in pre\n</pre>\n" +
            "<script type=\"text/javascript\">\n# in script\n</script>\n<!-- one line -->\n## B\n";
        var notes = NotesParser.Parse("n.md", text);
        Assert.Equal(["A", "B"], notes.Sections.Select(s => s.Heading));
        Assert.Equal(text.Count(c => c == '\n') - 2, NotesParser.VerbatimLines(notes.Lines).Count(v => v));
    }

    [Fact]
    public void A_closing_run_of_hashes_needs_a_space_and_headings_may_be_indented_up_to_three_spaces()
    {
        var notes = NotesParser.Parse("n.md", "## C#\n### Done ###\n   # Indented\n    # code, not a heading\n#\n");
        Assert.Equal(["C#", "Done", "Indented"], notes.Sections.Select(s => s.Heading));
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
