using System.ComponentModel;

namespace Catalog.Model.Technologies;

public enum AliasKind
{
    [Description("The technology's own name.")]
    Name,
    [Description("The technology's slug, so that a slug resolves like any alias.")]
    Slug,
    [Description("A short form (k8s for Kubernetes).")]
    Abbreviation,
    [Description("The name as read or written in another script (ロケット for rkt).")]
    Reading,
    [Description("A name the technology had before.")]
    FormerName,
    [Description("A spelling that the notes themselves use, typos included.")]
    NotesSpelling,
    [Description("The name translated into another language.")]
    Translation,
    [Description("Any other form the technology is known by.")]
    Other,
}
