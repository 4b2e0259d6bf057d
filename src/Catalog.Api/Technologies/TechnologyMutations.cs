using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Snapshot;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Technologies;

public sealed class TechnologyMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TechnologyType>>("addTechnologyAlias")
            .Description("Adds an alias to a technology, so `technology(slug:)` resolves it. Needs an API key.")
            .Argument<NonNullGraphType<AddTechnologyAliasInputType>>("input", "The technology and its new alias.")
            .ResolveAsync(async c => await AddAliasAsync(c, c.GetArgument<AddTechnologyAliasInput>("input")));

        mutation.Field<NonNullGraphType<TechnologyType>>("setTechnologyDefinition")
            .Description("Adds or corrects a technology's definition in one language. Needs an API key.")
            .Argument<NonNullGraphType<SetTechnologyDefinitionInputType>>("input", "The technology and its definition.")
            .ResolveAsync(async c => await SetDefinitionAsync(c, c.GetArgument<SetTechnologyDefinitionInput>("input")));
    }

    private static async Task<Technology> AddAliasAsync(IResolveFieldContext context, AddTechnologyAliasInput input)
    {
        var technology = context.Catalog().FindTechnology(input.Technology) ?? throw NotFound(input.Technology);
        var text = input.Alias.Trim();
        var normalized = TechnologyAlias.Normalize(text);
        if (normalized.Length is 0 or > Catalog.Model.Configurations.Limits.Alias)
            throw new ExecutionError($"An alias has 1 to {Catalog.Model.Configurations.Limits.Alias} characters.") { Code = ErrorCodes.BadUserInput };
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var owner = await db.TechnologyAliases.AsNoTracking().Where(a => a.Normalized == normalized).Select(a => a.Technology!.Slug).FirstOrDefaultAsync(context.CancellationToken);
        if (owner is not null)
            throw new ExecutionError($"'{text}' is already an alias of '{owner}'.") { Code = ErrorCodes.Conflict };
        db.TechnologyAliases.Add(new TechnologyAlias { TechnologyId = technology.Id, Text = text, Normalized = normalized, Kind = input.Kind, Lang = input.Lang, CaseSensitive = input.CaseSensitive });
        await db.SaveChangesAsync(context.CancellationToken);
        return await AfterWriteAsync(context, technology.Id);
    }

    private static async Task<Technology> SetDefinitionAsync(IResolveFieldContext context, SetTechnologyDefinitionInput input)
    {
        var technology = context.Catalog().FindTechnology(input.Technology) ?? throw NotFound(input.Technology);
        if (string.IsNullOrWhiteSpace(input.Short))
            throw new ExecutionError("A definition needs a short text.") { Code = ErrorCodes.BadUserInput };
        if (input.Short.Trim().Length > Catalog.Model.Configurations.Limits.ShortDefinition)
            throw new ExecutionError($"A short definition has at most {Catalog.Model.Configurations.Limits.ShortDefinition} characters; this one has {input.Short.Trim().Length}.") { Code = ErrorCodes.BadUserInput };
        if (input.SourceUrl is { Length: > Catalog.Model.Configurations.Limits.Url })
            throw new ExecutionError($"A source URL has at most {Catalog.Model.Configurations.Limits.Url} characters.") { Code = ErrorCodes.BadUserInput };
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var definition = await db.TechnologyDefinitions.SingleOrDefaultAsync(d => d.TechnologyId == technology.Id && d.Lang == input.Lang, context.CancellationToken);
        if (definition is null)
        {
            definition = new TechnologyDefinition { TechnologyId = technology.Id, Lang = input.Lang, Short = input.Short.Trim() };
            db.TechnologyDefinitions.Add(definition);
        }
        definition.Short = input.Short.Trim();
        definition.Long = input.Long;
        definition.SourceUrl = input.SourceUrl;
        await db.SaveChangesAsync(context.CancellationToken);
        return await AfterWriteAsync(context, technology.Id);
    }

    /// <summary>The technology as the snapshot that shows the write has it: the answer reads its own write.</summary>
    private static async Task<Technology> AfterWriteAsync(IResolveFieldContext context, int id) =>
        (await context.RefreshCatalogAsync()).Technologies[id];

    private static ExecutionError NotFound(string technology) => new($"No technology has the slug, name or alias '{technology}'.") { Code = ErrorCodes.NotFound };
}
