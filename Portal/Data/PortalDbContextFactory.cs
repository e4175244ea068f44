using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="PortalDbContext"/>.</summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();
}
