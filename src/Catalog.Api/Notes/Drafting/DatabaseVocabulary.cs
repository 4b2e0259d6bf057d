using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Notes.Drafting;

/// <summary>The vocabulary of a draft, read from the database: the catalog as the last import wrote it.</summary>
public static class DatabaseVocabulary
{
    public static async Task<NotesVocabulary> ReadAsync(CatalogDbContext db, CancellationToken ct)
    {
        var technologies = await db.Technologies.AsNoTracking().Select(t => new { t.Id, t.Slug, t.Name }).ToListAsync(ct);
        var forms = (await db.TechnologyAliases.AsNoTracking().Select(a => new { a.TechnologyId, a.Text, a.CaseSensitive, a.Match }).ToListAsync(ct))
            .ToLookup(a => a.TechnologyId);
        var people = await db.People.AsNoTracking().Select(p => new VocabularyPerson(p.Slug, p.Name, p.Handle)).ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Slug, o.Name, o.NameJa, o.Aliases }).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Select(e => new VocabularyEvent(e.Slug, e.Name)).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Select(d => d.Slug).ToListAsync(ct);
        var talks = await db.Talks.AsNoTracking().Select(t => t.Slug).ToListAsync(ct);
        return new NotesVocabulary(
            technologies.Select(t => new VocabularyTechnology(t.Slug, t.Name,
                forms[t.Id].Select(f => new VocabularyForm(f.Text, f.CaseSensitive, f.Match)).ToList())).ToList(),
            people,
            organizations.Select(o => new VocabularyOrganization(o.Slug, o.Name,
                new[] { o.Name, o.NameJa }.Concat(o.Aliases).OfType<string>().Distinct(StringComparer.Ordinal).ToList())).ToList(),
            events,
            documents.ToHashSet(StringComparer.Ordinal),
            talks.ToHashSet(StringComparer.Ordinal));
    }
}
