using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Addresses;
using Portal.Pay;
using Portal.Qr;

namespace Portal.Api.Checkouts;

public static class CheckoutQrCodeEndpoint
{
    /// <summary>
    /// <c>GET /pay/{token}/qr.svg</c>: the payment page's address as a QR code, the image a checkout's
    /// <c>qrCodeUrl</c> points at. Public like the page itself: the token is the secret.
    /// </summary>
    public static IEndpointRouteBuilder MapCheckoutQrCode(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/pay/{token}/qr.svg", async Task<Results<ContentHttpResult, NotFound>> (string token,
                CheckoutQueries checkouts, PublicAddresses addresses, CancellationToken cancellationToken) =>
            {
                if (await checkouts.FindAsync(token, cancellationToken) is null)
                {
                    return TypedResults.NotFound();
                }
                return TypedResults.Content(QrCodes.ToSvg(addresses.Default.PayPage(token).AbsoluteUri), "image/svg+xml");
            })
            .WithName("GetCheckoutQrCode")
            .WithSummary("A checkout's QR code")
            .WithDescription("An SVG QR code of the checkout's payment page, for a shop to show or print.");
        return endpoints;
    }
}
