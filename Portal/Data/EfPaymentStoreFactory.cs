using Microsoft.EntityFrameworkCore;
using Portal.Domain.Payments;

namespace Portal.Data;

internal sealed class EfPaymentStoreFactory(IDbContextFactory<PortalDbContext> contexts) : IPaymentStoreFactory
{
    public IPaymentStore Open() => new EfPaymentStore(contexts.CreateDbContext());
}
