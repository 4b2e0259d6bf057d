using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Catalog.Model;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Technology> Technologies => Set<Technology>();
    public DbSet<TechnologyAlias> TechnologyAliases => Set<TechnologyAlias>();
    public DbSet<TechnologyDefinition> TechnologyDefinitions => Set<TechnologyDefinition>();
    public DbSet<TechnologyCategory> TechnologyCategories => Set<TechnologyCategory>();
    public DbSet<TechnologyOrganization> TechnologyOrganizations => Set<TechnologyOrganization>();
    public DbSet<TechnologyRelation> TechnologyRelations => Set<TechnologyRelation>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Talk> Talks => Set<Talk>();
    public DbSet<TalkSpeaker> TalkSpeakers => Set<TalkSpeaker>();
    public DbSet<TalkOrganization> TalkOrganizations => Set<TalkOrganization>();
    public DbSet<SourceDocument> Documents => Set<SourceDocument>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<SeedState> SeedStates => Set<SeedState>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ImportedFile> ImportedFiles => Set<ImportedFile>();
    public DbSet<PersistedDocument> PersistedDocuments => Set<PersistedDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigram similarity and indexed substring search for `search` (contrib; a trusted extension since PostgreSQL 13).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<TechnologyKind>().HaveConversion<KebabEnumConverter<TechnologyKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<AliasKind>().HaveConversion<KebabEnumConverter<AliasKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<Lang>().HaveConversion<KebabEnumConverter<Lang>>().HaveMaxLength(8);
        configurationBuilder.Properties<RelationKind>().HaveConversion<KebabEnumConverter<RelationKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<OrganizationRole>().HaveConversion<KebabEnumConverter<OrganizationRole>>().HaveMaxLength(32);
        configurationBuilder.Properties<OrganizationKind>().HaveConversion<KebabEnumConverter<OrganizationKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<Maturity>().HaveConversion<KebabEnumConverter<Maturity>>().HaveMaxLength(16);
        configurationBuilder.Properties<SectionKind>().HaveConversion<KebabEnumConverter<SectionKind>>().HaveMaxLength(32);
    }

    private sealed class KebabEnumConverter<T>() : ValueConverter<T, string>(
        v => EnumText<T>.ToText(v), v => EnumText<T>.Parse(v)) where T : struct, Enum;
}
