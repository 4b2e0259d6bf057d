using Catalog.Api.Data;
using Catalog.Api.Graph.Loading;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Graph;

public static class SlugFieldExtensions
{
    /// <summary>A root field that finds one row by its slug, ignoring case and surrounding spaces.</summary>
    public static void FieldBySlug<TGraphType, TEntity>(this ObjectGraphType query, string name, string what)
        where TGraphType : IGraphType where TEntity : class, ISlugged =>
        query.Field<TGraphType>(name)
            .Description($"{what} by slug; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The slug.")
            .ResolveAsync(async c =>
            {
                var slug = c.GetArgument<string>("slug").Trim().ToLowerInvariant();
                await using var db = await c.DbAsync();
                return await db.Set<TEntity>().AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, c.CancellationToken);
            });
}
