using System.Collections.Concurrent;

namespace Portal.Data;

/// <summary>
/// A query compiled once per provider's model. EF binds a compiled query to the model it first ran against, and each
/// provider's context (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/> …) has a model of its
/// own; one process runs one provider, but the tests run several side by side.
/// </summary>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContext = new();

    public TQuery For(PortalDbContext db) => _byContext.GetOrAdd(db.GetType(), _ => compile());
}
