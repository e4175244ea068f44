namespace Portal.Pay;

public static class PayExtensions
{
    public static IHostApplicationBuilder AddPay(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<CheckoutQueries>();
        builder.Services.AddSingleton<Wallet.WalletQueries>();
        return builder;
    }
}
