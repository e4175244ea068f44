using Portal.Domain.Common;
using Portal.Domain.Rails;
using Portal.Domain.Reconciliation;

namespace Portal.Tests.Domain.Reports;

public sealed class StatementReconciliationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(1);
    private static readonly DateTimeOffset Noon = Start.AddHours(12);

    [Fact]
    public void Reconcile_PaymentAndRefundBookedAsRecorded_NoDifferences()
    {
        var payment = Record(OrderKind.Payment, 100.00m, "Succeeded", RecordedOutcome.Settled);
        var refund = Record(OrderKind.Refund, 30.00m, "Succeeded", RecordedOutcome.Settled);

        var result = Reconcile([payment, refund], [Line(payment.OrderId, 100.00m), Line(refund.OrderId, -30.00m)]);

        Assert.True(result.IsClean);
        Assert.Equal(2, result.MatchedCount);
    }

    [Fact]
    public void Reconcile_SucceededPaymentNotOnStatement_IsMissingAtBank()
    {
        var payment = Record(OrderKind.Payment, 12.34m, "Succeeded", RecordedOutcome.Settled);

        var difference = Assert.Single(Reconcile([payment], []).Differences);

        Assert.Equal(DifferenceKind.MissingAtBank, difference.Kind);
        Assert.Same(payment, difference.Portal);
        Assert.Null(difference.BankAmount);
    }

    [Fact]
    public void Reconcile_OrderOnlyTheBankKnows_IsMissingInPortal()
    {
        var stranger = Guid.CreateVersion7();

        var difference = Assert.Single(Reconcile([], [Line(stranger, 8.00m)]).Differences);

        Assert.Equal(DifferenceKind.MissingInPortal, difference.Kind);
        Assert.Equal(stranger.ToString(), difference.Reference);
        Assert.Equal(Money.Of(8.00m, Currency.CNY), difference.BankAmount);
    }

    [Fact]
    public void Reconcile_BankMovementThatIsNoOrder_IsMissingInPortal()
    {
        var payout = new RailStatementLine(Guid.NewGuid(), "payout:abc", Noon, Money.Of(-1.00m, Currency.CNY));

        var difference = Assert.Single(Reconcile([], [payout]).Differences);

        Assert.Equal(DifferenceKind.MissingInPortal, difference.Kind);
        Assert.Equal("payout:abc", difference.Reference);
        Assert.Contains("debit of 1.00 CNY", difference.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_BankBookedAnotherAmount_IsAmountMismatch()
    {
        var payment = Record(OrderKind.Payment, 13.34m, "Succeeded", RecordedOutcome.Settled);

        var difference = Assert.Single(Reconcile([payment], [Line(payment.OrderId, 12.34m)]).Differences);

        Assert.Equal(DifferenceKind.AmountMismatch, difference.Kind);
        Assert.Equal(Money.Of(12.34m, Currency.CNY), difference.BankAmount);
    }

    [Fact]
    public void Reconcile_RefundBookedAsCredit_IsAmountMismatch()
    {
        var refund = Record(OrderKind.Refund, 5.00m, "Succeeded", RecordedOutcome.Settled);

        var difference = Assert.Single(Reconcile([refund], [Line(refund.OrderId, 5.00m)]).Differences);

        Assert.Equal(DifferenceKind.AmountMismatch, difference.Kind);
    }

    [Fact]
    public void Reconcile_OrderBookedTwice_IsAmountMismatch()
    {
        var payment = Record(OrderKind.Payment, 10.00m, "Succeeded", RecordedOutcome.Settled);

        var difference = Assert.Single(Reconcile([payment], [Line(payment.OrderId, 10.00m), Line(payment.OrderId, 10.00m)]).Differences);

        Assert.Equal(DifferenceKind.AmountMismatch, difference.Kind);
        Assert.Equal(Money.Of(20.00m, Currency.CNY), difference.BankAmount);
    }

    [Fact]
    public void Reconcile_ProcessingInPortalSettledAtBank_IsStatusMismatch()
    {
        var payment = Record(OrderKind.Payment, 5.00m, "Processing", RecordedOutcome.InFlight);

        var difference = Assert.Single(Reconcile([payment], [Line(payment.OrderId, 5.00m)]).Differences);

        Assert.Equal(DifferenceKind.StatusMismatch, difference.Kind);
        Assert.Contains("Processing", difference.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_FailedInPortalSettledAtBank_IsStatusMismatch()
    {
        var refund = Record(OrderKind.Refund, 5.00m, "Failed", RecordedOutcome.NotMoved);

        var difference = Assert.Single(Reconcile([refund], [Line(refund.OrderId, -5.00m)]).Differences);

        Assert.Equal(DifferenceKind.StatusMismatch, difference.Kind);
    }

    [Fact]
    public void Reconcile_FailedAndNothingBooked_Agrees()
    {
        var result = Reconcile([Record(OrderKind.Payment, 5.00m, "Failed", RecordedOutcome.NotMoved)], []);

        Assert.True(result.IsClean);
        Assert.Equal(1, result.MatchedCount);
    }

    [Fact]
    public void Reconcile_InFlightAndNothingBooked_CountsInFlightNotDifferent()
    {
        var result = Reconcile([Record(OrderKind.Payment, 5.00m, "Processing", RecordedOutcome.InFlight)], []);

        Assert.True(result.IsClean);
        Assert.Equal(1, result.InFlightCount);
    }

    [Fact]
    public void Reconcile_OrderBeforeMidnightBookedAfter_MatchesAndIsReportedOnNoDay()
    {
        // Created at 23:59:59.9 on the day before; the bank posted it just after midnight, inside the period.
        var payment = Record(OrderKind.Payment, 9.99m, "Succeeded", RecordedOutcome.Settled, Start.AddMilliseconds(-100));
        var line = Line(payment.OrderId, 9.99m, Start.AddMilliseconds(50));

        var today = Reconcile([payment], [line]);
        var yesterday = StatementReconciliation.Reconcile([payment], [line], Start.AddDays(-1), Start);

        Assert.True(today.IsClean);
        Assert.True(yesterday.IsClean);
        Assert.Equal(1, yesterday.MatchedCount);
    }

    [Fact]
    public void Reconcile_DifferencesOutsideThePeriod_AreLeftOut()
    {
        var old = Record(OrderKind.Payment, 1.00m, "Succeeded", RecordedOutcome.Settled, Start.AddHours(-2));
        var late = Line(Guid.CreateVersion7(), 2.00m, End.AddHours(2));

        var result = Reconcile([old], [late]);

        Assert.True(result.IsClean);
        Assert.Equal(0, result.MatchedCount);
    }

    [Fact]
    public void Reconcile_SeveralDifferences_ListedOldestFirst()
    {
        var later = Record(OrderKind.Payment, 1.00m, "Succeeded", RecordedOutcome.Settled, Noon.AddHours(1));
        var earlier = Record(OrderKind.Payment, 1.00m, "Succeeded", RecordedOutcome.Settled, Noon.AddHours(-1));

        var result = Reconcile([later, earlier], [Line(Guid.CreateVersion7(), 3.00m, Noon)]);

        Assert.Equal(new string?[] { earlier.OrderId.ToString(), null, later.OrderId.ToString() },
            result.Differences.Select(d => d.Portal?.OrderId.ToString()));
    }

    private static ReconciliationResult Reconcile(IEnumerable<PortalOrderRecord> records, IEnumerable<RailStatementLine> lines) =>
        StatementReconciliation.Reconcile(records, lines, Start, End);

    private static PortalOrderRecord Record(OrderKind kind, decimal amount, string status, RecordedOutcome outcome,
        DateTimeOffset? at = null) =>
        new(Guid.CreateVersion7(), kind, Money.Of(amount, Currency.CNY), status, outcome, at ?? Noon);

    private static RailStatementLine Line(Guid orderId, decimal amount, DateTimeOffset? postedAt = null) =>
        new(Guid.NewGuid(), orderId.ToString(), postedAt ?? Noon.AddSeconds(1), Money.Of(amount, Currency.CNY));
}
