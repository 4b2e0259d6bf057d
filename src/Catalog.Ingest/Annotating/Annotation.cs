using Catalog.Model.Technologies;

namespace Catalog.Ingest.Annotating;

/// <summary>How to annotate a post.</summary>
/// <param name="Lang">The post's language; detected from its text when null.</param>
/// <param name="GlossaryUrl">Where a technology's glossary page is, with <c>{slug}</c> for its slug; null for <c>&lt;abbr title&gt;</c> instead of links.</param>
/// <param name="All">Every occurrence linked, rather than the first of each technology.</param>
public sealed record AnnotateOptions(Lang? Lang = null, AnnotateFormat Format = AnnotateFormat.Markdown, string? GlossaryUrl = null, bool All = false);

/// <summary>What the glossary says of a technology in one language: its name and short definition, and whether the
/// catalog composed that definition from its facts rather than someone writing it.</summary>
public sealed record TermDefinition(string Name, string? Definition, bool Composed);

/// <summary>A name in the post that became a link: where it was in the post as given (1-based line and column, in
/// UTF-16 code units) and why the linker decided it means the technology.</summary>
public sealed record AnnotatedLink(string Slug, string Name, string Text, int Line, int Column, string Evidence);

/// <summary>An entry of the glossary section: a technology the post links, in the order of its first link.</summary>
public sealed record AnnotatedTerm(string Slug, string Name, string? Definition, bool Composed, string? Url);

/// <summary>A post with the linker's decisions applied and a glossary section at its end.</summary>
public sealed record Annotation(string Text, Lang Lang, AnnotateFormat Format, IReadOnlyList<AnnotatedLink> Links, IReadOnlyList<AnnotatedTerm> Glossary);
