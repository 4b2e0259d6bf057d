using Microsoft.EntityFrameworkCore;

namespace Catalog.Ingest.Import;

/// <summary>
/// Makes the database hold exactly an <see cref="ImportPlan"/>, in one transaction: rows are matched by their
/// natural keys (slugs, and slug pairs for links), so unchanged rows keep their ids, changed ones are updated,
/// and what the seed no longer has is removed. Holds an advisory lock so concurrent imports run one at a time.
/// </summary>
internal sealed class CatalogWriter(CatalogDbContext db)
{
    /// <summary>The advisory lock key shared by every import and migration.</summary>
    public const long LockKey = CatalogLock.Key;

    /// <summary>
    /// How long a migration or import waits for the lock: another instance's whole import, which can take far longer
    /// than a request's command timeout on a busy machine or a large catalog. A request's own deadline still cancels it.
    /// </summary>
    public static readonly TimeSpan LockWait = CatalogLock.Wait;

    /// <summary>
    /// Columns the import computes from other rows (a technology's mention count, the order of talks and categories
    /// across documents and files): written, but no reason to call their row updated.
    /// </summary>
    private static readonly HashSet<(string Entity, string Property)> Derived =
        [(nameof(Technology), nameof(Technology.MentionCount)), (nameof(Talk), nameof(Talk.Position)), (nameof(Category), nameof(Category.Position))];

    private readonly Dictionary<string, (int Added, int Updated, int Removed)> _changes = [];
    private readonly HashSet<object> _added = new(ReferenceEqualityComparer.Instance);

    public async Task<IReadOnlyDictionary<string, ChangeCount>> WriteAsync(ImportPlan plan, CancellationToken ct)
    {
        var seed = plan.Catalog;

        // Phase 1: the roots, so that every slug has an id.
        var events = await db.Events.ToListAsync(ct);
        var staleEvents = Sync(events, seed.Events, e => e.Slug, s => s.Slug,
            s => new Event { Slug = s.Slug, Name = s.Name },
            (e, s) => { e.Name = s.Name; e.Edition = s.Edition; e.Date = s.Date; e.City = s.City; e.Homepage = s.Homepage; e.SourceUrl = s.Source; });
        var categories = await db.Categories.ToListAsync(ct);
        var staleCategories = Sync(categories, seed.Categories, c => c.Slug, s => s.Slug,
            s => new Category { Slug = s.Slug, NameEn = s.NameEn, NameJa = s.NameJa },
            (c, s) => { c.NameEn = s.NameEn; c.NameJa = s.NameJa; c.Position = seed.Categories.IndexOf(s); if (!c.Aliases.SequenceEqual(s.Aliases)) c.Aliases = [.. s.Aliases]; });
        var organizations = await db.Organizations.ToListAsync(ct);
        var staleOrganizations = Sync(organizations, seed.Organizations, o => o.Slug, s => s.Slug,
            s => new Organization { Slug = s.Slug, Name = s.Name, Kind = s.Kind },
            (o, s) =>
            {
                o.Name = s.Name; o.NameJa = s.NameJa; o.Kind = s.Kind; o.Homepage = s.Homepage; if (!o.Aliases.SequenceEqual(s.Aliases)) o.Aliases = [.. s.Aliases];
                o.Membership = s.Membership; o.MemberSince = s.MemberSince; o.Crunchbase = s.Crunchbase;
                if (!o.CncfPrograms.SequenceEqual(s.CncfPrograms)) o.CncfPrograms = [.. s.CncfPrograms];
            });
        var people = await db.People.ToListAsync(ct);
        var stalePeople = Sync(people, seed.People, p => p.Slug, s => s.Slug,
            s => new Person { Slug = s.Slug, Name = s.Name },
            (p, s) => { p.Name = s.Name; p.Handle = s.Handle; p.ProfileUrl = s.Profile; });
        var mentionCounts = plan.Mentions.CountBy(m => m.Technology).ToDictionary(p => p.Key, p => p.Value);
        var technologies = await db.Technologies.ToListAsync(ct);
        var staleTechnologies = Sync(technologies, seed.Technologies, t => t.Slug, s => s.Slug,
            s => new Technology { Slug = s.Slug, Name = s.Name, Kind = s.Kind },
            (t, s) =>
            {
                t.Name = s.Name; t.Kind = s.Kind; t.Homepage = s.Homepage; t.Repository = s.Repository; t.MentionCount = mentionCounts.GetValueOrDefault(s.Slug);
                t.Maturity = s.Maturity;
                if (t.Landscape != s.Landscape) t.Landscape = s.Landscape;
            });
        await SaveAsync(ct);

        var eventIds = Ids(db.Events.Local, e => e.Slug, e => e.Id);
        var categoryIds = Ids(db.Categories.Local, c => c.Slug, c => c.Id);
        var organizationIds = Ids(db.Organizations.Local, o => o.Slug, o => o.Id);
        var personIds = Ids(db.People.Local, p => p.Slug, p => p.Id);
        var technologyIds = Ids(db.Technologies.Local, t => t.Slug, t => t.Id);

        // Phase 2: references between roots, talks and documents.
        foreach (var s in seed.Categories) categories.Concat(db.Categories.Local).First(c => c.Slug == s.Slug).ParentId = s.Parent is null ? null : categoryIds[s.Parent];
        var organizationRows = db.Organizations.Local.ToDictionary(o => o.Slug, StringComparer.Ordinal);
        foreach (var s in seed.Organizations) organizationRows[s.Slug].ParentId = s.Parent is null ? null : organizationIds[s.Parent];
        var documentEvents = seed.Documents.ToDictionary(d => d.Slug, d => d.Event is null ? (int?)null : eventIds[d.Event]);
        var talkPositions = plan.Documents.SelectMany((d, i) => d.Sections.Where(s => s.Talk is not null).Select(s => (s.Talk!, Position: i * 10_000 + s.Position)))
            .ToDictionary(p => p.Item1, p => p.Position);
        var talks = await db.Talks.ToListAsync(ct);
        var staleTalks = Sync(talks, seed.Talks, t => t.Slug, s => s.Slug,
            s => new Talk { Slug = s.Slug, Title = s.Title },
            (t, s) =>
            {
                t.Title = s.Title; t.Time = s.Time; t.Track = s.Track;
                t.EventId = documentEvents[s.Document]!.Value; t.Position = talkPositions[s.Slug];
            });
        var documents = await db.Documents.ToListAsync(ct);
        var staleDocuments = Sync(documents, plan.Documents, d => d.Slug, p => p.Seed.Slug,
            p => new SourceDocument { Slug = p.Seed.Slug, Path = p.Seed.File, Title = p.Seed.Title, Language = p.Seed.Language, Content = p.Content },
            (d, p) =>
            {
                d.Path = p.Seed.File; d.Title = p.Seed.Title; d.Blog = p.Seed.Blog; d.Author = p.Seed.Author; d.Language = p.Seed.Language;
                d.PublishedOn = p.Seed.Published; d.Url = p.Seed.Url; d.EventId = documentEvents[p.Seed.Slug]; d.Content = p.Content;
            });
        await SaveAsync(ct);
        var talkIds = Ids(db.Talks.Local, t => t.Slug, t => t.Id);
        var documentIds = Ids(db.Documents.Local, d => d.Slug, d => d.Id);

        // Phase 3: the links and children.
        var aliasRows = plan.Aliases.SelectMany(p => p.Value.Select(a => (Technology: technologyIds[p.Key], Alias: a))).ToList();
        Sync(await db.TechnologyAliases.ToListAsync(ct), aliasRows, a => (a.TechnologyId, a.Normalized), r => (r.Technology, r.Alias.Normalized),
            r => new TechnologyAlias { TechnologyId = r.Technology, Text = r.Alias.Text, Normalized = r.Alias.Normalized, Kind = r.Alias.Kind },
            (a, r) => { a.Text = r.Alias.Text; a.Kind = r.Alias.Kind; a.Lang = r.Alias.Lang; a.CaseSensitive = r.Alias.CaseSensitive; a.Match = r.Alias.Match; a.Ambiguity = r.Alias.Ambiguity; },
            remove: true);
        var definitionRows = seed.Technologies.SelectMany(t => t.Definitions.Select(d => (Technology: technologyIds[t.Slug], Definition: d))).ToList();
        Sync(await db.TechnologyDefinitions.ToListAsync(ct), definitionRows, d => (d.TechnologyId, d.Lang), r => (r.Technology, r.Definition.Lang),
            r => new TechnologyDefinition { TechnologyId = r.Technology, Lang = r.Definition.Lang, Short = r.Definition.Short },
            (d, r) => { d.Short = r.Definition.Short; d.Long = r.Definition.Long; d.SourceUrl = r.Definition.Source; },
            remove: true);
        var categoryRows = seed.Technologies.SelectMany(t => t.Categories.Select((c, i) => (Technology: technologyIds[t.Slug], Category: categoryIds[c], Position: i))).ToList();
        Sync(await db.TechnologyCategories.ToListAsync(ct), categoryRows, c => (c.TechnologyId, c.CategoryId), r => (r.Technology, r.Category),
            r => new TechnologyCategory { TechnologyId = r.Technology, CategoryId = r.Category },
            (c, r) => c.Position = r.Position,
            remove: true);
        var makerRows = seed.Technologies.SelectMany(t => t.Organizations.Select(o => (Technology: technologyIds[t.Slug], Organization: organizationIds[o.Organization], Maker: o))).ToList();
        Sync(await db.TechnologyOrganizations.ToListAsync(ct), makerRows, o => (o.TechnologyId, o.OrganizationId, o.Role), r => (r.Technology, r.Organization, r.Maker.Role),
            r => new TechnologyOrganization { TechnologyId = r.Technology, OrganizationId = r.Organization, Role = r.Maker.Role },
            (o, r) => o.SourceUrl = r.Maker.Source,
            remove: true);
        var relationRows = seed.Technologies.SelectMany(t => t.Relations.Select(r => (From: technologyIds[t.Slug], To: technologyIds[r.Target], Relation: r))).ToList();
        Sync(await db.TechnologyRelations.ToListAsync(ct), relationRows, r => (r.FromId, r.ToId, r.Kind), r => (r.From, r.To, r.Relation.Kind),
            r => new TechnologyRelation { FromId = r.From, ToId = r.To, Kind = r.Relation.Kind },
            (e, r) => e.SourceUrl = r.Relation.Source,
            remove: true);
        var speakerRows = seed.Talks.SelectMany(t => t.Speakers.Select((s, i) => (Talk: talkIds[t.Slug], Person: personIds[s.Person], Speaker: s, Position: i))).ToList();
        Sync(await db.TalkSpeakers.ToListAsync(ct), speakerRows, s => (s.TalkId, s.PersonId), r => (r.Talk, r.Person),
            r => new TalkSpeaker { TalkId = r.Talk, PersonId = r.Person },
            (s, r) => { s.Position = r.Position; s.OrganizationId = r.Speaker.Organization is null ? null : organizationIds[r.Speaker.Organization]; },
            remove: true);
        var talkOrganizationRows = seed.Talks.SelectMany(t => TalkOrganizations(t).Select((o, i) => (Talk: talkIds[t.Slug], Organization: organizationIds[o], Position: i))).ToList();
        Sync(await db.TalkOrganizations.ToListAsync(ct), talkOrganizationRows, o => (o.TalkId, o.OrganizationId), r => (r.Talk, r.Organization),
            r => new TalkOrganization { TalkId = r.Talk, OrganizationId = r.Organization },
            (o, r) => o.Position = r.Position,
            remove: true);
        // Read before their sections change, so that the mentions a removed section takes with it are counted as removed.
        await db.Mentions.LoadAsync(ct);
        var sectionRows = plan.Documents.SelectMany(d => d.Sections.Select(s => (Document: documentIds[d.Seed.Slug], Section: s))).ToList();
        Sync(await db.Sections.ToListAsync(ct), sectionRows, s => (s.DocumentId, s.Slug), r => (r.Document, r.Section.Slug),
            r => new Section { DocumentId = r.Document, Slug = r.Section.Slug, Kind = r.Section.Kind },
            (s, r) =>
            {
                s.Kind = r.Section.Kind; s.Heading = r.Section.Heading; s.Level = r.Section.Level; s.Position = r.Section.Position;
                s.StartLine = r.Section.StartLine; s.EndLine = r.Section.EndLine; s.TalkId = r.Section.Talk is null ? null : talkIds[r.Section.Talk];
            },
            remove: true);
        await SaveAsync(ct);

        // Phase 4: mentions, which point at sections and aliases.
        var sectionIds = db.Sections.Local.ToDictionary(s => (s.DocumentId, s.Slug), s => s.Id);
        var aliasIds = db.TechnologyAliases.Local.ToDictionary(a => (a.TechnologyId, a.Normalized), a => a.Id);
        var mentionRows = plan.Mentions.Select(m => (Section: sectionIds[(documentIds[m.Document], m.Section)], Technology: technologyIds[m.Technology], Mention: m)).ToList();
        Sync(db.Mentions.Local.ToList(), mentionRows, m => (m.SectionId, m.Line, m.Column), r => (r.Section, r.Mention.Line, r.Mention.Column),
            r => new Mention { SectionId = r.Section, Line = r.Mention.Line, Column = r.Mention.Column, MatchedText = r.Mention.MatchedText, LineText = r.Mention.LineText },
            (m, r) =>
            {
                // A document's own spelling is no alias of the catalog: its mention names none.
                m.TechnologyId = r.Technology; m.AliasId = aliasIds.TryGetValue((r.Technology, r.Mention.AliasNormalized), out var alias) ? alias : null;
                m.MatchedText = r.Mention.MatchedText; m.LineText = r.Mention.LineText;
            },
            remove: true);
        await SaveAsync(ct);

        // Phase 5: the roots the seed no longer has; their links went in phase 3. Each save looks at every tracked
        // row, thousands with the landscape, so there is none when nothing goes.
        if (staleDocuments.Count + staleTalks.Count + staleTechnologies.Count + stalePeople.Count + staleOrganizations.Count + staleCategories.Count + staleEvents.Count > 0)
        {
            db.RemoveRange(staleDocuments);
            db.RemoveRange(staleTalks);
            db.RemoveRange(staleTechnologies);
            db.RemoveRange(stalePeople);
            await SaveAsync(ct);
            db.RemoveRange(staleOrganizations.Where(o => o.ParentId is not null));
            db.RemoveRange(staleCategories.Where(c => c.ParentId is not null));
            await SaveAsync(ct);
            db.RemoveRange(staleOrganizations.Where(o => o.ParentId is null));
            db.RemoveRange(staleCategories.Where(c => c.ParentId is null));
            db.RemoveRange(staleEvents);
            await SaveAsync(ct);
        }

        var state = await db.SeedStates.FindAsync([1], ct);
        if (state is null) db.SeedStates.Add(new SeedState { Id = 1, SeedHash = plan.SeedHash, ImportedAt = DateTimeOffset.UtcNow });
        else if (state.SeedHash != plan.SeedHash)
        {
            (state.SeedHash, state.ImportedAt) = (plan.SeedHash, DateTimeOffset.UtcNow);
            // Changes are detected by hand in an import (AutoDetectChanges is off): without this the new hash was
            // never stored, and every start-up after a seed change imported again.
            db.Entry(state).DetectChanges();
        }
        await db.SaveChangesAsync(ct);

        return _changes.Where(c => c.Key != nameof(SeedState) && c.Value != (0, 0, 0))
            .ToDictionary(c => c.Key, c => new ChangeCount(c.Value.Added, c.Value.Updated, c.Value.Removed));
    }

    /// <summary>The organisations of a talk: those it names, then its speakers', without repeats.</summary>
    private static IEnumerable<string> TalkOrganizations(SeedTalk talk) =>
        talk.Organizations.Concat(talk.Speakers.Select(s => s.Organization).OfType<string>()).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Updates the rows that match a desired item by key, adds the missing ones, and returns (or, with
    /// <paramref name="remove"/>, removes) the rows that match nothing.
    /// </summary>
    private List<TEntity> Sync<TEntity, TDesired, TKey>(
        IEnumerable<TEntity> existing, IEnumerable<TDesired> desired, Func<TEntity, TKey> keyOf, Func<TDesired, TKey> desiredKeyOf,
        Func<TDesired, TEntity> create, Action<TEntity, TDesired> update, bool remove = false)
        where TEntity : class where TKey : notnull
    {
        var byKey = existing.ToDictionary(keyOf);
        foreach (var item in desired)
        {
            if (!byKey.Remove(desiredKeyOf(item), out var entity))
            {
                entity = create(item);
                db.Add(entity);
            }
            update(entity, item);
        }
        var stale = byKey.Values.ToList();
        if (remove) db.RemoveRange(stale);
        return stale;
    }

    private static Dictionary<string, int> Ids<T>(IEnumerable<T> rows, Func<T, string> slug, Func<T, int> id) =>
        rows.ToDictionary(slug, id, StringComparer.Ordinal);

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var name = entry.Metadata.ClrType.Name;
            // A row added by this import and completed in a later phase counts once, as added; a row counts as
            // updated only when one of its own fields changed, not a figure derived from other rows.
            if (entry.State == EntityState.Added) _added.Add(entry.Entity);
            else if (entry.State == EntityState.Modified
                && (_added.Contains(entry.Entity) || !entry.Properties.Any(p => p.IsModified && !Derived.Contains((name, p.Metadata.Name))))) continue;
            var (added, updated, removed) = _changes.GetValueOrDefault(name);
            _changes[name] = entry.State switch
            {
                EntityState.Added => (added + 1, updated, removed),
                EntityState.Modified => (added, updated + 1, removed),
                EntityState.Deleted => (added, updated, removed + 1),
                _ => (added, updated, removed),
            };
        }
        await db.SaveChangesAsync(ct);
    }
}
