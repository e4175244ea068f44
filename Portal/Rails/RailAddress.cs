using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Rails;

namespace Portal.Rails;

/// <summary>
/// Where the rail is, and where it calls Portal back: each the configured URL, or else this app's own listening address
/// (the embedded sandbox bank; Portal's callback endpoint), known only once the server has started, so it is looked
/// up on first use rather than at registration.
/// </summary>
public sealed class RailAddress(IOptions<RailOptions> options, IServiceProvider services)
{
    /// <summary>
    /// Where the rail called back for payments and refunds alike before each kind had a path of its own. Still taken,
    /// for the callbacks of orders sent before the upgrade, which carry this address.
    /// </summary>
    public const string CallbackPath = "rails/sandbox/callback";

    /// <summary>Where the rail calls back with a fast payment's result.</summary>
    public const string PaymentCallbackPath = CallbackPath + "/payments";

    /// <summary>Where the rail calls back with a fast refund's result.</summary>
    public const string RefundCallbackPath = CallbackPath + "/refunds";

    private Uri? _baseAddress;
    private Uri? _paymentCallback;
    private Uri? _refundCallback;

    public Uri Resolve(string relative) => new(BaseAddress, relative);

    public Uri BaseAddress => _baseAddress ??= Find();

    /// <summary>Where the rail POSTs a fast payment's result: <see cref="PaymentCallbackPath"/>, or under the configured callback URL.</summary>
    public Uri PaymentCallback => _paymentCallback ??= new Uri(CallbackBase(), "payments");

    /// <summary>Where the rail POSTs a fast refund's result: <see cref="RefundCallbackPath"/>, or under the configured callback URL.</summary>
    public Uri RefundCallback => _refundCallback ??= new Uri(CallbackBase(), "refunds");

    // Both kinds' paths sit under one address, so a configured callback URL (one per instance) still names both.
    private Uri CallbackBase() => WithSlash(string.IsNullOrWhiteSpace(options.Value.CallbackUrl)
        ? new Uri(OwnAddress(), CallbackPath)
        : new Uri(options.Value.CallbackUrl, UriKind.Absolute));

    private Uri Find() =>
        string.IsNullOrWhiteSpace(options.Value.BaseUrl)
            ? OwnAddress()
            : WithSlash(new Uri(options.Value.BaseUrl, UriKind.Absolute));

    private Uri OwnAddress()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ??
                        addresses.FirstOrDefault() ??
                        throw new RailUnavailableException("The rail has no base URL and the server is not listening yet.");
        return WithSlash(new Uri(Loopback(listening)));
    }

    // A wildcard binding is not an address one can call: call this machine's loopback instead.
    private static string Loopback(string address)
    {
        foreach (var wildcard in new[] { "0.0.0.0", "[::]", "+", "*", "localhost" })
        {
            var marker = "://" + wildcard;
            var at = address.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (address.Length == at + marker.Length || address[at + marker.Length] is ':' or '/'))
            {
                return string.Concat(address.AsSpan(0, at + 3), "127.0.0.1", address.AsSpan(at + marker.Length));
            }
        }
        return address;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
