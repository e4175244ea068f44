using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Bus;

namespace Portal.Webhooks;

/// <summary>
/// Redeliveries per merchant per minute (<see cref="WebhookOptions.RedeliveriesPerMinute"/>), counted across instances
/// through <see cref="SharedRateLimits"/>: each one is a POST Portal makes on an owner's word, so a script clicking
/// Redeliver cannot turn Portal into a request cannon against the endpoint.
/// </summary>
public sealed class WebhookRedeliveryLimit : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter;

    public WebhookRedeliveryLimit(SharedRateLimits limits, IOptions<WebhookOptions> options)
    {
        var perMinute = options.Value.RedeliveriesPerMinute;
        _limiter = PartitionedRateLimiter.Create<Guid, string>(merchantId =>
            limits.TokenBucket("webhook-redeliver", merchantId.ToString("N"), perMinute, perMinute, TimeSpan.FromMinutes(1)));
    }

    /// <summary>Takes one redelivery from the merchant's allowance; false when it is spent for now.</summary>
    public async Task<bool> TryTakeAsync(Guid merchantId, CancellationToken cancellationToken = default)
    {
        using var lease = await _limiter.AcquireAsync(merchantId, 1, cancellationToken);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
