using Microsoft.EntityFrameworkCore;
using Portal.Domain.Payments;

namespace Portal.Data;

/// <remarks>On SQLite every save of the payment flow queues at <see cref="SqliteWriteGate"/>; without one (SQL Server) none does.</remarks>
internal sealed class EfPaymentStoreFactory(IDbContextFactory<PortalDbContext> contexts, SqliteWriteGate? writeGate = null,
    Webhooks.WebhookOutbox? outbox = null)
    : IPaymentStoreFactory
{
    public IPaymentStore Open() => new EfPaymentStore(contexts.CreateDbContext(), writeGate, outbox);
}
