using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Ledger;

namespace Portal.SandboxBank;

/// <summary>Creates the bank's schema and accounts: the demo set, or any account a test or benchmark needs.</summary>
public sealed class SandboxBankSeeder(
    IDbContextFactory<SandboxBankDbContext> databases,
    BankWriteGate writeGate,
    PinVerifier pins,
    TimeProvider time,
    ILogger<SandboxBankSeeder> logger)
{
    /// <summary>
    /// The bank's own funding account, the other leg of every opening balance. It is a ledger account only (no
    /// <see cref="BankAccount"/> row, no balance check) and goes negative by design: the bank creating money it lends
    /// its customers, so that even opening balances are balanced double-entry transactions.
    /// </summary>
    public const string FundingAccount = "BANK-FUNDING";

    public const string DemoPin = "123456";

    /// <summary>Applies the bank's pending migrations; those applied, oldest first.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }

    /// <summary>
    /// The published test payers: in CNY one that pays, one without funds, one closed; and one that pays in each of
    /// USD, EUR, GBP, HKD and JPY, numbered in its currency's range (<see cref="FxOptions.AccountRanges"/>).
    /// </summary>
    public async Task SeedTestPayersAsync(CancellationToken cancellationToken = default)
    {
        var cny = Currency.CNY;
        await OpenIfMissingAsync("6200000000000001", "Demo Payer", BankAccountKind.Payer, Money.Of(10_000m, cny), DemoPin, cancellationToken: cancellationToken);
        await OpenIfMissingAsync("6200000000000002", "Demo Payer (low balance)", BankAccountKind.Payer, Money.Of(5m, cny), DemoPin, cancellationToken: cancellationToken);
        await OpenIfMissingAsync("6200000000000003", "Demo Payer (closed)", BankAccountKind.Payer, Money.Zero(cny), DemoPin, BankAccountStatus.Closed, cancellationToken);
        foreach (var (number, balance) in ForeignDemoPayers)
        {
            await OpenIfMissingAsync(number, $"Demo Payer ({balance.Currency.Code})", BankAccountKind.Payer, balance, DemoPin,
                cancellationToken: cancellationToken);
        }
    }

    private static IEnumerable<(string Number, Money Balance)> ForeignDemoPayers =>
    [
        ("6201000000000001", Money.Of(2_000m, Currency.FromCode("USD"))),
        ("6202000000000001", Money.Of(2_000m, Currency.FromCode("EUR"))),
        ("6203000000000001", Money.Of(2_000m, Currency.FromCode("GBP"))),
        ("6204000000000001", Money.Of(20_000m, Currency.FromCode("HKD"))),
        ("6205000000000001", Money.Of(300_000m, Currency.FromCode("JPY"))),
    ];

    /// <summary>The settlement accounts of Portal's demo merchants.</summary>
    public async Task SeedDemoMerchantsAsync(CancellationToken cancellationToken = default)
    {
        var cny = Currency.CNY;
        await OpenIfMissingAsync("8800000000000001", "Demo Shop", BankAccountKind.Merchant, Money.Zero(cny), cancellationToken: cancellationToken);
        await OpenIfMissingAsync("8800000000000002", "Other Shop", BankAccountKind.Merchant, Money.Zero(cny), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Opens an account with an opening balance in any currency, booked as a transfer from <see cref="FundingAccount"/>
    /// in that currency (the funding account's entries balance per currency, as every transaction's do).
    /// Payer accounts need a PIN; an account number already in use is refused.
    /// </summary>
    public async Task<BankAccount> OpenAccountAsync(string number, string holderName, BankAccountKind kind, Money openingBalance,
        string? pin = null, BankAccountStatus status = BankAccountStatus.Open, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderName);
        if (openingBalance.MinorUnits < 0)
        {
            throw new DomainValidationException("OpeningBalance", "An opening balance is not negative.");
        }
        if (kind == BankAccountKind.Payer && !Pin.TryParse(pin, out _))
        {
            throw new DomainValidationException("Pin", "A payer account needs a six-digit PIN.");
        }

        var now = time.GetUtcNow();
        var account = new BankAccount
        {
            Number = number,
            HolderName = holderName,
            Kind = kind,
            CurrencyCode = openingBalance.Currency.Code,
            BalanceMinorUnits = openingBalance.MinorUnits,
            PinHash = pin is null ? null : pins.Hash(pin),
            Status = status,
            OpenedAt = now,
        };

        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AnyAsync(a => a.Number == number, cancellationToken))
        {
            throw new DomainException("This account number is already in use.");
        }
        db.Accounts.Add(account);
        if (openingBalance.IsPositive)
        {
            db.LedgerTransactions.Add(BankLedgerTransaction.From(
                LedgerTransaction.Transfer($"opening:{number}", FundingAccount, number, openingBalance, now)));
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.AccountOpened(kind, AccountNumber.Mask(number), openingBalance.MinorUnits, openingBalance.Currency.Code);
        return account;
    }

    /// <summary>
    /// Opens a merchant's settlement account with no balance, or finds it open already: the account and whether this call
    /// opened it. The caller compares an existing account's kind and currency with what it asked for.
    /// </summary>
    public async Task<(BankAccount Account, bool Opened)> OpenMerchantAccountAsync(AccountNumber number, string holderName,
        Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderName);
        // Under the gate, so that two requests for the same account cannot both find it missing.
        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Number == number.Value, cancellationToken) is { } existing)
        {
            return (existing, false);
        }
        var account = new BankAccount
        {
            Number = number.Value,
            HolderName = holderName,
            Kind = BankAccountKind.Merchant,
            CurrencyCode = currency.Code,
            Status = BankAccountStatus.Open,
            OpenedAt = time.GetUtcNow(),
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        logger.AccountOpened(BankAccountKind.Merchant, AccountNumber.Mask(number.Value), 0, currency.Code);
        return (account, true);
    }

    /// <summary>
    /// Pays part of an account's balance out of the bank (to <see cref="FundingAccount"/>), as a merchant sweeping its
    /// takings would: the way to leave a settlement account too poor for a refund. Refused when the balance is short.
    /// </summary>
    public async Task PayOutAsync(string number, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var now = time.GetUtcNow();
        var transfer = LedgerTransaction.Transfer($"payout:{Guid.CreateVersion7(now):N}", number, FundingAccount, amount, now);
        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var debited = await db.Accounts
            .Where(a => a.Number == number && a.CurrencyCode == amount.Currency.Code && a.BalanceMinorUnits >= amount.MinorUnits)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BalanceMinorUnits, a => a.BalanceMinorUnits - amount.MinorUnits)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        if (debited == 0)
        {
            throw new DomainException("The account does not hold that much.");
        }
        db.LedgerTransactions.Add(BankLedgerTransaction.From(transfer));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task OpenIfMissingAsync(string number, string holderName, BankAccountKind kind, Money openingBalance,
        string? pin = null, BankAccountStatus status = BankAccountStatus.Open, CancellationToken cancellationToken = default)
    {
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Accounts.AnyAsync(a => a.Number == number, cancellationToken))
            {
                return;
            }
        }
        await OpenAccountAsync(number, holderName, kind, openingBalance, pin, status, cancellationToken);
    }
}
