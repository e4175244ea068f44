using Portal.Admin.Payments;
using Portal.Domain.Payments;

namespace Portal.Tests.Components.Admin;

public sealed class PaymentFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Merchant = Guid.CreateVersion7();

    [Fact]
    public void Apply_NewPayment_InsertsItAtTheTop()
    {
        var feed = FeedOf(Snapshot(Guid.CreateVersion7(), Start));
        var fresh = Snapshot(Guid.CreateVersion7(), Start.AddMinutes(1));

        var changed = feed.Apply(fresh);

        Assert.True(changed);
        Assert.Equal(fresh.PaymentId, feed.Rows[0].Id);
        Assert.Equal(2, feed.TotalCount);
    }

    [Fact]
    public void Apply_LaterStepOfShownPayment_UpdatesTheRowInPlace()
    {
        var id = Guid.CreateVersion7();
        var feed = FeedOf(Snapshot(Guid.CreateVersion7(), Start.AddMinutes(1)), Snapshot(id, Start));

        feed.Apply(Snapshot(id, Start, PaymentStatus.Succeeded, PaymentStep.PayeeProcessed, version: 6));

        Assert.Equal(PaymentStatus.Succeeded, feed.Rows[1].Status);
        Assert.Equal(2, feed.Rows.Count);
    }

    [Fact]
    public void Apply_OlderVersion_IsIgnored()
    {
        var id = Guid.CreateVersion7();
        var feed = FeedOf(Snapshot(id, Start, PaymentStatus.Succeeded, PaymentStep.PayeeProcessed, version: 6));

        var changed = feed.Apply(Snapshot(id, Start, PaymentStatus.Processing, PaymentStep.OrderSent, version: 4));

        Assert.False(changed);
        Assert.Equal(PaymentStatus.Succeeded, feed.Rows[0].Status);
    }

    [Fact]
    public void Apply_AbandonedWhileHidden_RemovesTheRow()
    {
        var id = Guid.CreateVersion7();
        var feed = FeedOf(Snapshot(id, Start));

        feed.Apply(Snapshot(id, Start, PaymentStatus.Abandoned, PaymentStep.MethodChosen, version: 2));

        Assert.Empty(feed.Rows);
        Assert.Equal(0, feed.TotalCount);
    }

    [Fact]
    public void Apply_NewPaymentOnLaterPage_CountsItWithoutShowingIt()
    {
        var feed = new PaymentFeed(new PaymentListQuery(PageIndex: 1), new PaymentPage([PaymentRow.From(Snapshot(Guid.CreateVersion7(), Start))], 51));

        feed.Apply(Snapshot(Guid.CreateVersion7(), Start.AddMinutes(1)));

        Assert.Single(feed.Rows);
        Assert.Equal(52, feed.TotalCount);
    }

    private static PaymentFeed FeedOf(params PaymentSnapshot[] snapshots) =>
        new(new PaymentListQuery(), new PaymentPage(snapshots.Select(PaymentRow.From).ToArray(), snapshots.Length));

    private static PaymentSnapshot Snapshot(Guid id, DateTimeOffset startedAt, PaymentStatus status = PaymentStatus.Started,
        PaymentStep step = PaymentStep.MethodChosen, int version = 1) =>
        new(id, Guid.CreateVersion7(), Merchant, "token", PaymentMethod.RealTime, 8800, "CNY", status, step,
            Enum.GetValues<PaymentStep>().Where(s => s <= step).Select(s => new PaymentStepTime(s, startedAt.AddMilliseconds((int)s * 100))).ToArray(),
            null, status == PaymentStatus.Abandoned ? "ABND" : null, null, null, version);
}
