using Portal.Domain.Common;

namespace Portal.Domain.Rails;

/// <summary>
/// What Portal asks the rail's FX provider: what the holder of <see cref="PayerAccount"/> would pay for
/// <see cref="Amount"/> to <see cref="MerchantAccount"/>. The provider tells the account's currency from its number's
/// range, as card networks do from a card's, never from the account itself, so a quote reveals nothing about whether
/// the account exists. ToString hides the payer's account.
/// </summary>
public sealed record QuoteRequest(AccountNumber PayerAccount, AccountNumber MerchantAccount, Money Amount)
{
    public override string ToString() => $"QuoteRequest {Amount} from {PayerAccount.Masked}";
}
