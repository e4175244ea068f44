namespace Portal.Admin.Settings;

/// <summary>The merchant profile form: how customers and QR codes name the merchant.</summary>
public sealed class ProfileSettingsModel
{
    public string Name { get; set; } = "";

    public string? SupportEmail { get; set; }

    public string City { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2, e.g. CN.</summary>
    public string CountryCode { get; set; } = "";
}
