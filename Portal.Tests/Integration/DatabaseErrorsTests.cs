using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// What a provider's refusal means, read from its error code on a migrated database: Portal's races are decided by
/// unique keys, so each provider must report a duplicate as one, and nothing else as one; and a unique key on text that
/// compares exactly (a checkout token) must not see two spellings of different case as one.
/// </summary>
public abstract class DatabaseErrorsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private PortalDatabase _database = default!;
    private Merchant _merchant = default!;

    public async Task InitializeAsync()
    {
        _database = await PortalDatabase.CreateMigratedAsync(provider);
        _merchant = NewMerchant("Tea House");
        await using var db = _database.CreateDbContext();
        db.Merchants.Add(_merchant);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task IsUniqueViolation_SecondMerchantOfTheSameName_True()
    {
        await using var db = _database.CreateDbContext();
        db.Merchants.Add(NewMerchant("Tea House"));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(DatabaseErrors.IsUniqueViolation(refused));
    }

    [Fact]
    public async Task IsUniqueViolation_CheckoutOfAMerchantNotInTheDatabase_False()
    {
        await using var db = _database.CreateDbContext();
        db.Checkouts.Add(NewCheckout(NewMerchant("Nowhere Shop")));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.False(DatabaseErrors.IsUniqueViolation(refused));
    }

    [Fact]
    public async Task SaveChanges_CheckoutTokensDifferingOnlyInCase_BothKept()
    {
        await using var db = _database.CreateDbContext();
        var lower = NewCheckout(_merchant);
        var upper = NewCheckout(_merchant);
        db.Checkouts.AddRange(lower, upper);
        db.Entry(lower).Property(c => c.Token).CurrentValue = "abcdefghijklmnopqrstuvwxyz0";
        db.Entry(upper).Property(c => c.Token).CurrentValue = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0";

        await db.SaveChangesAsync();

        await using var read = _database.CreateDbContext();
        Assert.Equal(lower.Id, (await read.Checkouts.SingleAsync(c => c.Token == "abcdefghijklmnopqrstuvwxyz0")).Id);
    }

    private static Merchant NewMerchant(string name) =>
        Merchant.Create(name, "Hangzhou", Currency.CNY, AccountNumber.Parse("8800000000000009"), Now);

    private static Checkout NewCheckout(Merchant merchant) =>
        Checkout.Create(merchant, new CheckoutRequest(10m, "CNY", "Tea", Now.AddDays(1)), Now);
}

public sealed class DatabaseErrorsOnSqliteTests() : DatabaseErrorsTests(DatabaseProvider.Sqlite);

public sealed class DatabaseErrorsOnPostgresTests() : DatabaseErrorsTests(DatabaseProvider.Postgres);
