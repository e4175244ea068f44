namespace Portal.Addresses;

public static class AddressesExtensions
{
    /// <summary>Absolute addresses for QR codes, mails, API answers and webhooks, all on <c>Checkout:PublicBaseUrl</c>.</summary>
    public static IHostApplicationBuilder AddPublicAddresses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicAddresses>();
        return builder;
    }
}
