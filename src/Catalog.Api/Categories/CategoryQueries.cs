using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Categories;

public sealed class CategoryQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<CategoryType>("category")
            .Description("A category by slug or by one of the short names people use (CNI, service mesh, CI/CD), ignoring case.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "A slug or alias.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await FindAsync(db, c.GetArgument<string>("slug"), c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("The category tree: the top-level categories in the catalog's order; walk `children` for the rest.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await db.Categories.AsNoTracking().Where(x => x.ParentId == null).OrderBy(x => x.Position).ToListAsync(c.CancellationToken);
            });
    }

    /// <summary>A category by slug, or else by alias (case-insensitive).</summary>
    public static async Task<Category?> FindAsync(CatalogDbContext db, string text, CancellationToken ct)
    {
        var key = text.Trim().ToLowerInvariant();
        return await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == key, ct)
            ?? (await db.Categories.AsNoTracking().ToListAsync(ct))
                .FirstOrDefault(c => c.Aliases.Any(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase))
                    || string.Equals(c.NameEn, text.Trim(), StringComparison.OrdinalIgnoreCase) || c.NameJa == text.Trim());
    }
}
