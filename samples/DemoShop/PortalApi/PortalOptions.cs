using System.ComponentModel.DataAnnotations;

namespace DemoShop.PortalApi;

/// <summary>
/// Section "Portal": where Portal runs and the two secrets its owner handed out (an API key, a webhook endpoint's
/// signing secret). Development ships the demo's; anywhere else they must come from the environment.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Portal's address. Defaults to http://localhost:5080, where <c>dotnet run --project Portal</c> listens.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://localhost:5080");

    /// <summary>An API key with the <c>checkouts:write</c> scope (<c>psk_…</c>).</summary>
    [Required(ErrorMessage = "Set Portal:ApiKey to an API key with the checkouts:write scope.")]
    public string ApiKey { get; set; } = "";

    /// <summary>The signing secret of the webhook endpoint that points at this shop (<c>whsec_…</c>).</summary>
    [Required(ErrorMessage = "Set Portal:WebhookSecret to the signing secret of the webhook endpoint pointing at this shop.")]
    public string WebhookSecret { get; set; } = "";
}
