namespace Portal.SecurityHeaders;

/// <summary>
/// Powerful browser features Portal never uses, turned off for its pages and anything they might frame. The wallet
/// does not scan codes (a phone's own camera app opens the link in the QR code), so the camera is off everywhere too.
/// </summary>
internal static class PermissionsPolicy
{
    // Features Chromium knows only: an unknown name costs a console warning on every page.
    public const string Value =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), payment=(), usb=()";
}
