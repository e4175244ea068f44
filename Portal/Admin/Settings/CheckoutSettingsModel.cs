using Portal.Domain.Merchants;

namespace Portal.Admin.Settings;

/// <summary>The checkout settings form: what a customer sees and how fast payments are offered.</summary>
public sealed class CheckoutSettingsModel
{
    public string AccentColor { get; set; } = "#3F51B5";

    public QrFormat QrFormat { get; set; } = QrFormat.Link;

    public int CodeLifetimeMinutes { get; set; } = 15;
}
