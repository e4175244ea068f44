using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Bus;
using Portal.Domain.Common;

namespace Portal.Abuse;

/// <summary>
/// The velocity limits of the anonymous money paths, for code that runs in a circuit (clicks carry no HTTP request,
/// so the rate-limiting middleware never sees them). Buckets come from <see cref="SharedRateLimits"/>, so every instance
/// behind the load balancer spends from the same one. Ask before anything is written: a refused attempt leaves no trace.
/// </summary>
public sealed class VelocityLimits : IAsyncDisposable
{
    private readonly IOptionsMonitor<VelocityOptions> _options;
    private readonly ILogger<VelocityLimits> _log;
    private readonly PartitionedRateLimiter<string> _payByAddress;
    private readonly PartitionedRateLimiter<string> _payByAccount;
    private readonly PartitionedRateLimiter<string> _chooseByAddress;

    public VelocityLimits(SharedRateLimits shared, IOptionsMonitor<VelocityOptions> options, ILogger<VelocityLimits> log)
    {
        _options = options;
        _log = log;
        _payByAddress = Limiter(shared, "pay-address", o => o.PayPerAddress);
        _payByAccount = Limiter(shared, "pay-account", o => o.PayPerAccount);
        _chooseByAddress = Limiter(shared, "choose-address", o => o.ChoosePerAddress);
    }

    /// <summary>A payment about to be submitted (checkout pay, wallet approve): by client address, then by payer account.</summary>
    public async ValueTask<VelocityVerdict> TryPayAsync(string? clientAddress, AccountNumber account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var byAddress = await AcquireAsync(_payByAddress, "pay-address", AddressKey(clientAddress), _options.CurrentValue.PayPerAddress);
        if (!byAddress.IsAllowed)
        {
            return byAddress;
        }
        var byAccount = await AcquireAsync(_payByAccount, "pay-account", AccountKey(account), _options.CurrentValue.PayPerAccount);
        return byAccount with { ByAccount = !byAccount.IsAllowed };
    }

    /// <summary>A payment method about to be chosen on a checkout, which starts a payment.</summary>
    public ValueTask<VelocityVerdict> TryChooseMethodAsync(string? clientAddress) =>
        AcquireAsync(_chooseByAddress, "choose-address", AddressKey(clientAddress), _options.CurrentValue.ChoosePerAddress);

    /// <summary>
    /// The key a payer account's bucket is kept under: a hash, so neither Redis nor a log holds an account number.
    /// </summary>
    public static string AccountKey(AccountNumber account) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("portal-velocity-payer:" + account.Value)))[..32];

    internal static string AddressKey(string? clientAddress) => clientAddress ?? "unknown";

    private async ValueTask<VelocityVerdict> AcquireAsync(PartitionedRateLimiter<string> limiter, string name, string key, VelocityLimit limit)
    {
        using var lease = await limiter.AcquireAsync(key);
        if (lease.IsAcquired)
        {
            return VelocityVerdict.Allowed;
        }
        var verdict = new VelocityVerdict(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : limit.Every);
        _log.VelocityLimited(name, name.EndsWith("-account", StringComparison.Ordinal) ? key : "address", verdict.RetryAfterSeconds);
        return verdict;
    }

    // A partition's bucket is made with the limit as configured when its key first comes; later changes apply to new keys.
    private PartitionedRateLimiter<string> Limiter(SharedRateLimits shared, string name, Func<VelocityOptions, VelocityLimit> limit) =>
        PartitionedRateLimiter.Create<string, string>(key =>
        {
            var current = limit(_options.CurrentValue);
            return shared.TokenBucket("velocity-" + name, key, current.Burst, 1, current.Every);
        });

    public async ValueTask DisposeAsync()
    {
        await _payByAddress.DisposeAsync();
        await _payByAccount.DisposeAsync();
        await _chooseByAddress.DisposeAsync();
    }
}
