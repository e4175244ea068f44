namespace Portal.Pay;

public static class PayExtensions
{
    public static IHostApplicationBuilder AddPay(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddOptions<CheckoutOptions>().BindConfiguration(CheckoutOptions.Section)
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "http" or "https"),
                "Checkout:PublicBaseUrl must be an absolute http(s) address.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CheckoutQueries>();
        builder.Services.AddSingleton<ReceiptRefundQueries>();
        builder.Services.AddSingleton<Wallet.WalletQueries>();
        builder.Services.AddScoped<PayerQuotes>();
        return builder;
    }
}
