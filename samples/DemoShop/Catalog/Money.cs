using System.Globalization;

namespace DemoShop.Catalog;

/// <summary>Prices as the shop prints them, "CNY 88.00", the way Portal's checkout shows the same amount.</summary>
public static class Money
{
    public static string Format(decimal amount, string currency) =>
        $"{currency} {amount.ToString("#,##0.00", CultureInfo.InvariantCulture)}";
}
