using Portal.Domain.Common;

namespace Portal.Api.Resources;

/// <summary>Amounts travel as decimal strings with exactly the currency's minor digits ("150.00"), never as JSON numbers.</summary>
internal static class MoneyAmount
{
    public static string Of(Money money) => money.ToAmountString();
}
