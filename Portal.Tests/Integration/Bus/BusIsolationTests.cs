using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Payments;
using Portal.LiveUpdates;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using StackExchange.Redis;

namespace Portal.Tests.Integration.Bus;

/// <summary>
/// The bus carries notices, never content: a message that names one merchant's payment under another merchant shows the
/// other merchant's pages nothing, because the receiving instance reads the payment from the database and tells the
/// watchers of the merchant the database names.
/// </summary>
public sealed class BusIsolationTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private PortalApp _app = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _app = new PortalApp(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = _redis.ConnectionString },
            provider: Data.DatabaseProvider.Postgres);
        _ = _app.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task NoticeNamingAnotherMerchant_ReachesOnlyThePaymentsOwnMerchant()
    {
        var (payment, _) = await DemoPayments.PaidAsync(_app.Services, 14.70m);
        var other = await DemoCheckouts.MerchantIdAsync(_app.Services, Data.DemoData.OtherShop);
        var events = _app.Services.GetRequiredService<PaymentEvents>();
        var heardByOther = new List<PaymentSnapshot>();
        var heardByOwner = new TaskCompletionSource<PaymentSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var otherWatch = events.WatchMerchant(other, p => { lock (heardByOther) { heardByOther.Add(p); } return Task.CompletedTask; });
        using var ownerWatch = events.WatchMerchant(payment.MerchantId, p => { heardByOwner.TrySetResult(p); return Task.CompletedTask; });

        // As another instance (or anyone who can write to Redis) would publish it: its own origin, the payment's id,
        // and the other merchant's id where the payment's merchant belongs.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var forged = new byte[16 + 64];
        Guid.NewGuid().TryWriteBytes(forged.AsSpan(0, 16));
        payment.PaymentId.TryWriteBytes(forged.AsSpan(16, 16));
        payment.PaymentId.TryWriteBytes(forged.AsSpan(32, 16));
        Guid.NewGuid().TryWriteBytes(forged.AsSpan(48, 16));
        other.TryWriteBytes(forged.AsSpan(64, 16));
        await WaitForSubscriberAsync(redis);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("portal:bus:PaymentChanged"), forged);

        var told = await heardByOwner.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(payment.PaymentId, told.PaymentId);
        Assert.Equal(PaymentStatus.Succeeded, told.Status);
        lock (heardByOther)
        {
            Assert.Empty(heardByOther);
        }
    }

    // The app subscribes in the background once it has connected; a message published before that reaches nobody.
    private static async Task WaitForSubscriberAsync(ConnectionMultiplexer redis)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", "portal:bus:PaymentChanged") is var reply &&
               (long)((RedisResult[])reply!)[1] == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Portal never subscribed to the bus.");
            await Task.Delay(50);
        }
    }
}
