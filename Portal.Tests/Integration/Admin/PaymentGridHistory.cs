using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// A few thousand payments of Demo Shop with every shape the payments list tells apart: ten days of them, some
/// abandoned, cross-border ones, forty at one instant (only their ids order them), references holding LIKE's wildcards;
/// and Other Shop's under the same references. Built once per provider and only read by the tests that share it.
/// </summary>
public sealed class PaymentGridHistory<TProvider> : IAsyncLifetime where TProvider : IProviderUnderTest
{
    public static readonly DateTimeOffset First = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public AdminDatabase Database { get; private set; } = default!;

    public IReadOnlyList<Payment> Demo { get; private set; } = [];

    public IReadOnlyList<Payment> Other { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await AdminDatabase.CreateAsync(TProvider.Provider);
        var demo = new List<Payment>();
        demo.AddRange(await SaveAsync(new PaymentHistoryBuilder(Database.Demo).WithCount(2_000)
            .StartingAt(First, TimeSpan.FromMinutes(7)).WithReferencePrefix("ORD-").CrossBorderEvery(50)));
        demo.AddRange(await SaveAsync(new PaymentHistoryBuilder(Database.Demo).WithCount(40)
            .StartingAt(First.AddDays(3), TimeSpan.Zero).WithReferencePrefix("TIE-")));
        demo.AddRange(await SaveAsync(new PaymentHistoryBuilder(Database.Demo).WithCount(10)
            .StartingAt(First.AddDays(4), TimeSpan.FromMinutes(3)).WithReferencePrefix("50%_[x]-")));
        Demo = demo;
        Other = await SaveAsync(new PaymentHistoryBuilder(Database.Other).WithCount(200)
            .StartingAt(First, TimeSpan.FromMinutes(11)).WithReferencePrefix("ORD-"));
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    // As the builder saves, with every other payment still at step 1 abandoned (its customer chose another method).
    private async Task<IReadOnlyList<Payment>> SaveAsync(PaymentHistoryBuilder builder)
    {
        var saved = new List<Payment>();
        var index = 0;
        foreach (var batch in builder.Build().Chunk(1_000))
        {
            await using var db = Database.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var (_, payment) in batch)
            {
                if (payment.Status == PaymentStatus.Started && index++ % 2 == 0)
                {
                    payment.Abandon();
                }
            }
            db.Checkouts.AddRange(batch.Select(b => b.Checkout));
            db.Payments.AddRange(batch.Select(b => b.Payment));
            await db.SaveChangesAsync();
            saved.AddRange(batch.Select(b => b.Payment));
        }
        return saved;
    }
}
