using System.Collections.Concurrent;
using System.Linq.Expressions;
using Catalog.Api.Notes;
using Catalog.Api.Technologies;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Catalog.Api.Snapshot;

/// <summary>
/// Hands back the previous snapshot's entity when a row just read equals it in every column EF Core maps, for the
/// tables that grow with the catalog (technologies, aliases, definitions, mentions). A rebuild after a small change
/// then keeps one copy of each unchanged entity and its strings instead of two: it holds, and the collector moves,
/// about what changed. Sharing is safe because an entity in a snapshot is never changed.
/// </summary>
internal sealed class Unchanged(IModel model, CatalogSnapshot? previous)
{
    public Technology Keep(Technology read) => Keep(read, previous?.Technologies.GetValueOrDefault(read.Id));

    public TechnologyAlias Keep(TechnologyAlias read) => Keep(read, previous?.Aliases.GetValueOrDefault(read.Id));

    public Mention Keep(Mention read) => Keep(read, previous?.Mentions.GetValueOrDefault(read.Id));

    public TechnologyDefinition Keep(TechnologyDefinition read)
    {
        if (previous is null) return read;
        foreach (var old in previous.DefinitionsOf[read.TechnologyId])
            if (old.Id == read.Id) return Keep(read, old);
        return read;
    }

    private T Keep<T>(T read, T? old) where T : class => old is not null && Equality<T>.Of(model)(old, read) ? old : read;

    /// <summary>Compares two entities on every property and complex property the model maps, made once per type.</summary>
    private static class Equality<T>
    {
        private static readonly ConcurrentDictionary<IModel, Func<T, T, bool>> Made = new();

        public static Func<T, T, bool> Of(IModel model) => Made.GetOrAdd(model, static model =>
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
            var a = Expression.Parameter(typeof(T), "a");
            var b = Expression.Parameter(typeof(T), "b");
            return Expression.Lambda<Func<T, T, bool>>(AllEqual(entity, a, b), a, b).Compile();
        });

        private static Expression AllEqual(ITypeBase type, Expression a, Expression b)
        {
            Expression all = Expression.Constant(true);
            foreach (var property in type.GetProperties().Where(p => p.PropertyInfo is not null))
                all = Expression.AndAlso(all, Same(Expression.Property(a, property.PropertyInfo!), Expression.Property(b, property.PropertyInfo!)));
            foreach (var complex in type.GetComplexProperties())
            {
                // Both null, or both present and equal inside.
                var x = Expression.Property(a, complex.PropertyInfo!);
                var y = Expression.Property(b, complex.PropertyInfo!);
                var none = Expression.Constant(null, x.Type);
                all = Expression.AndAlso(all, Expression.OrElse(
                    Expression.AndAlso(Expression.Equal(x, none), Expression.Equal(y, none)),
                    Expression.AndAlso(Expression.AndAlso(Expression.NotEqual(x, none), Expression.NotEqual(y, none)), AllEqual(complex.ComplexType, x, y))));
            }
            return all;
        }

        private static MethodCallExpression Same(MemberExpression x, MemberExpression y)
        {
            var comparer = typeof(EqualityComparer<>).MakeGenericType(x.Type);
            return Expression.Call(
                Expression.Property(null, comparer.GetProperty(nameof(EqualityComparer<int>.Default))!),
                comparer.GetMethod(nameof(EqualityComparer<int>.Equals), [x.Type, x.Type])!, x, y);
        }
    }
}
