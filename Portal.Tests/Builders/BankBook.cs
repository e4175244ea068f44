using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.SandboxBank;

namespace Portal.Tests.Builders;

/// <summary>Reads the sandbox bank's books the way an auditor would: balances, orders, and whether the ledger balances.</summary>
public static class BankBook
{
    public static async Task<long> BalanceAsync(IServiceProvider services, string account)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        return await db.Accounts.Where(a => a.Number == account).Select(a => a.BalanceMinorUnits).SingleAsync();
    }

    public static async Task<int> LedgerTransactionsForAsync(IServiceProvider services, Guid orderId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        var reference = orderId.ToString();
        return await db.LedgerTransactions.CountAsync(t => t.Reference == reference);
    }

    public static async Task<long> LedgerSumAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        return await db.LedgerEntries.SumAsync(e => e.AmountMinorUnits);
    }

    /// <summary>What the bank's ledger sums to in each currency: zero in every one when it balances.</summary>
    public static async Task<Dictionary<string, long>> LedgerSumsByCurrencyAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        return await db.LedgerEntries.GroupBy(e => e.CurrencyCode)
            .Select(g => new { g.Key, Sum = g.Sum(e => e.AmountMinorUnits) })
            .ToDictionaryAsync(g => g.Key, g => g.Sum);
    }

    /// <summary>A payer whose account is in <paramref name="currency"/>: its number lies in that currency's range at the bank.</summary>
    public static async Task<string> OpenForeignPayerAsync(IServiceProvider services, string currency, decimal balance, string pin = "123456")
    {
        var prefix = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FxOptions>>().Value.AccountRanges
            .Single(r => r.Value == currency).Key;
        var number = prefix + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await services.GetRequiredService<SandboxBankSeeder>()
            .OpenAccountAsync(number, "Test payer", BankAccountKind.Payer, Money.Of(balance, Currency.FromCode(currency)), pin);
        return number;
    }

    public static async Task<string> OpenPayerAsync(IServiceProvider services, decimal balance, string pin = "123456")
    {
        var number = "62" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await services.GetRequiredService<SandboxBankSeeder>()
            .OpenAccountAsync(number, "Test payer", BankAccountKind.Payer, Money.Of(balance, Currency.CNY), pin);
        return number;
    }
}
