using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

/// <summary>Lowering the four-eyes threshold applies at once; raising it waits out a delay, and can be cancelled meanwhile.</summary>
public sealed class RefundThresholdChangeTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromHours(24);
    private readonly Merchant _merchant = new MerchantBuilder().Build();

    [Fact]
    public void ConfigureRefunds_Lower_AppliesAtOnce()
    {
        var change = _merchant.ConfigureRefunds(180, Cny(500m), "Olu", TestClock.Now, Delay);

        Assert.Equal(RefundThresholdChange.AppliedNow, change);
        Assert.Equal(Cny(500m), _merchant.RefundApprovalThresholdAt(TestClock.Now));
        Assert.Null(_merchant.PendingRefundApprovalThreshold);
    }

    [Fact]
    public void ConfigureRefunds_Raise_WaitsForTheDelay()
    {
        var change = _merchant.ConfigureRefunds(180, Cny(5_000m), "Olu", TestClock.Now, Delay);

        Assert.Equal(RefundThresholdChange.RaiseScheduled, change);
        Assert.Equal(Cny(1_000m), _merchant.RefundApprovalThresholdAt(TestClock.Now));
        Assert.Equal(Cny(1_000m), _merchant.RefundApprovalThresholdAt(TestClock.Now + Delay - TimeSpan.FromSeconds(1)));
        Assert.Equal(Cny(5_000m), _merchant.RefundApprovalThresholdAt(TestClock.Now + Delay));
        Assert.Equal(TestClock.Now + Delay, _merchant.PendingRefundApprovalThresholdFrom);
        Assert.Equal("Olu", _merchant.PendingRefundApprovalThresholdBy);
    }

    [Fact]
    public void RefundApprovalReason_DuringTheDelay_UsesTheOldThreshold()
    {
        _merchant.ConfigureRefunds(180, Cny(5_000m), "Olu", TestClock.Now, Delay);

        Assert.NotNull(_merchant.RefundApprovalReason(Cny(2_000m), Cny(0m), Cny(0m), "Mia", TestClock.Now.AddHours(1)));
        Assert.Null(_merchant.RefundApprovalReason(Cny(2_000m), Cny(0m), Cny(0m), "Mia", TestClock.Now + Delay));
    }

    [Fact]
    public void CancelPendingRefundThreshold_DuringTheDelay_KeepsTheOldThreshold()
    {
        _merchant.ConfigureRefunds(180, Cny(5_000m), "Olu", TestClock.Now, Delay);

        Assert.True(_merchant.CancelPendingRefundThreshold(TestClock.Now.AddHours(1)));

        Assert.Equal(Cny(1_000m), _merchant.RefundApprovalThresholdAt(TestClock.Now + Delay));
        Assert.Null(_merchant.PendingRefundApprovalThreshold);
    }

    [Fact]
    public void CancelPendingRefundThreshold_AfterTheDelay_IsTooLate()
    {
        _merchant.ConfigureRefunds(180, Cny(5_000m), "Olu", TestClock.Now, Delay);

        Assert.False(_merchant.CancelPendingRefundThreshold(TestClock.Now + Delay));

        Assert.Equal(Cny(5_000m), _merchant.RefundApprovalThresholdAt(TestClock.Now + Delay));
    }

    [Fact]
    public void ConfigureRefunds_LowerWhileARaiseWaits_DropsTheRaise()
    {
        _merchant.ConfigureRefunds(180, Cny(5_000m), "Olu", TestClock.Now, Delay);

        _merchant.ConfigureRefunds(180, Cny(800m), "Ola", TestClock.Now.AddHours(1), Delay);

        Assert.Null(_merchant.PendingRefundApprovalThreshold);
        Assert.Equal(Cny(800m), _merchant.RefundApprovalThresholdAt(TestClock.Now + Delay));
    }

    [Fact]
    public void ConfigureRefunds_OnlyTheWindowChangedWhileARaiseWaits_KeepsTheRaiseAndItsTime()
    {
        _merchant.ConfigureRefunds(180, Cny(5_000m), "Olu", TestClock.Now, Delay);

        var change = _merchant.ConfigureRefunds(90, Cny(1_000m), "Ola", TestClock.Now.AddHours(1), Delay);

        Assert.Equal(RefundThresholdChange.Unchanged, change);
        Assert.Equal(90, _merchant.RefundWindowDays);
        Assert.Equal(TestClock.Now + Delay, _merchant.PendingRefundApprovalThresholdFrom);
    }

    [Fact]
    public void ConfigureRefunds_RaiseWithNoDelay_AppliesAtOnce()
    {
        var change = _merchant.ConfigureRefunds(180, Cny(5_000m), "Olu", TestClock.Now, TimeSpan.Zero);

        Assert.Equal(RefundThresholdChange.AppliedNow, change);
        Assert.Equal(Cny(5_000m), _merchant.RefundApprovalThresholdAt(TestClock.Now));
    }

    private static Money Cny(decimal amount) => Money.Of(amount, Currency.CNY);
}
