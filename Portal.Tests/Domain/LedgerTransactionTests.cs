using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class LedgerTransactionTests
{
    private const string Payer = "6222020000001234";
    private const string MerchantAccount = "6200000000000001";
    private const string FeeAccount = "6200000000000099";

    [Fact]
    public void Create_Balanced_KeepsEveryEntry()
    {
        var transaction = LedgerTransaction.Create("order-1", TestClock.Now,
            new LedgerEntry(Payer, -25_000, "CNY"),
            new LedgerEntry(MerchantAccount, 24_850, "CNY"),
            new LedgerEntry(FeeAccount, 150, "CNY"));

        Assert.Equal(3, transaction.Entries.Count);
    }

    [Fact]
    public void Create_Unbalanced_Throws()
    {
        Assert.Throws<DomainException>(() => LedgerTransaction.Create("order-1", TestClock.Now,
            new LedgerEntry(Payer, -25_000, "CNY"),
            new LedgerEntry(MerchantAccount, 24_999, "CNY")));
    }

    [Fact]
    public void Create_BalancedOverallButNotPerCurrency_Throws()
    {
        Assert.Throws<DomainException>(() => LedgerTransaction.Create("fx-1", TestClock.Now,
            new LedgerEntry(Payer, -100, "CNY"),
            new LedgerEntry(MerchantAccount, 100, "USD")));
    }

    [Fact]
    public void Create_BalancedInEachCurrency_IsAccepted()
    {
        var transaction = LedgerTransaction.Create("fx-1", TestClock.Now,
            new LedgerEntry(Payer, -700, "CNY"),
            new LedgerEntry(FeeAccount, 700, "CNY"),
            new LedgerEntry(FeeAccount, -100, "USD"),
            new LedgerEntry(MerchantAccount, 100, "USD"));

        Assert.Equal(4, transaction.Entries.Count);
    }

    [Fact]
    public void Create_SingleEntry_Throws()
    {
        Assert.Throws<DomainException>(() => LedgerTransaction.Create("order-1", TestClock.Now, new LedgerEntry(Payer, 0, "CNY")));
    }

    [Fact]
    public void Create_ZeroEntry_Throws()
    {
        Assert.Throws<DomainException>(() => LedgerTransaction.Create("order-1", TestClock.Now,
            new LedgerEntry(Payer, -100, "CNY"),
            new LedgerEntry(MerchantAccount, 100, "CNY"),
            new LedgerEntry(FeeAccount, 0, "CNY")));
    }

    [Fact]
    public void Transfer_PositiveAmount_SumsToZero()
    {
        var transaction = LedgerTransaction.Transfer("order-1", Payer, MerchantAccount, Money.Of(250m, "CNY"), TestClock.Now);

        Assert.Equal(0, transaction.Entries.Sum(e => e.AmountMinorUnits));
    }

    [Fact]
    public void Transfer_PositiveAmount_DebitsFromAndCreditsTo()
    {
        var transaction = LedgerTransaction.Transfer("order-1", Payer, MerchantAccount, Money.Of(250m, "CNY"), TestClock.Now);

        Assert.Equal(
            new[] { new LedgerEntry(Payer, -25_000, "CNY"), new LedgerEntry(MerchantAccount, 25_000, "CNY") },
            transaction.Entries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Transfer_NotPositive_Throws(long minorUnits)
    {
        Assert.Throws<DomainException>(() =>
            LedgerTransaction.Transfer("order-1", Payer, MerchantAccount, Money.FromMinorUnits(minorUnits, "CNY"), TestClock.Now));
    }
}
