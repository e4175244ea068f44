using Microsoft.EntityFrameworkCore;
using Portal.Domain.Payments;

namespace Portal.Data;

/// <remarks>On SQLite every save of the payment flow queues at <see cref="SqliteGroupCommit"/>; without one (SQL Server) none does.</remarks>
internal sealed class EfPaymentStoreFactory(IDbContextFactory<PortalDbContext> contexts, SqliteGroupCommit? commits = null,
    Webhooks.WebhookOutbox? outbox = null)
    : IPaymentStoreFactory
{
    public IPaymentStore Open() => new EfPaymentStore(contexts.CreateDbContext(), commits, outbox);
}
