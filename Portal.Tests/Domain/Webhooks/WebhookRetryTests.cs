using Portal.Webhooks;

namespace Portal.Tests.Domain.Webhooks;

/// <summary>The retry schedule and what a delivery records per attempt, on a fixed clock.</summary>
public sealed class WebhookRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 45, 75)]
    [InlineData(2, 90, 150)]
    [InlineData(4, 360, 600)]
    [InlineData(30, 16_200, 27_000)]
    public void After_Attempts_ExponentialWithJitterAndCapped(int attempts, int minSeconds, int maxSeconds)
    {
        var random = new Random(attempts);
        for (var i = 0; i < 50; i++)
        {
            var delay = RetrySchedule.After(attempts, TimeSpan.FromMinutes(1), TimeSpan.FromHours(6), random);
            Assert.InRange(delay.TotalSeconds, minSeconds, maxSeconds);
        }
    }

    [Fact]
    public void RecordAttempt_FailureWithinRetryTime_PendingUntilTheDelay()
    {
        var delivery = NewDelivery();

        var attempt = delivery.RecordAttempt(500, "Answered 500.", TimeSpan.FromMilliseconds(20), TimeSpan.FromMinutes(1), Now);

        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(Now.AddMinutes(1), delivery.NextAttemptAt);
        Assert.Equal(500, attempt.StatusCode);
        Assert.Equal(20, attempt.DurationMs);
    }

    [Fact]
    public void RecordAttempt_RetryWouldPassThreeDays_LastRetryAtTheLimitThenFailed()
    {
        var delivery = NewDelivery();
        var nearEnd = Now.AddDays(3).AddMinutes(-10);

        delivery.RecordAttempt(null, "Could not connect.", TimeSpan.Zero, TimeSpan.FromHours(6), nearEnd);
        Assert.Equal(Now.AddDays(3), delivery.NextAttemptAt);
        delivery.RecordAttempt(null, "Could not connect.", TimeSpan.Zero, TimeSpan.FromHours(6), Now.AddDays(3));

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public void Redeliver_FailedDelivery_DueNowAndDeliveredOnSuccess()
    {
        var delivery = NewDelivery();
        delivery.RecordAttempt(null, "Could not connect.", TimeSpan.Zero, TimeSpan.Zero, Now.AddDays(4));

        delivery.Redeliver(Now.AddDays(5));
        Assert.Equal(Now.AddDays(5), delivery.NextAttemptAt);
        delivery.RecordAttempt(204, null, TimeSpan.Zero, TimeSpan.Zero, Now.AddDays(5));

        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(2, delivery.Attempts);
    }

    private static WebhookDelivery NewDelivery()
    {
        var webhookEvent = new WebhookEvent { Id = Guid.NewGuid(), MerchantId = Guid.NewGuid(), Type = WebhookEventTypes.PaymentSucceeded, CreatedAt = Now };
        var endpoint = WebhookEndpoint.Create(webhookEvent.MerchantId, "https://shop.example/hooks", null, WebhookEventTypes.All, false,
            "protected", "whsec_abcd…", "owner@demo.test", Now);
        return WebhookDelivery.Create(webhookEvent, endpoint, TimeSpan.FromDays(3), Now);
    }
}
