namespace Portal.Domain.Merchants;

/// <summary>
/// A store code an owner replaced: its printed copies may still hang at the counter, so its address keeps saying that it
/// was replaced (and creates nothing) instead of looking like a mistyped code.
/// </summary>
public sealed class RetiredStoreCode
{
    private RetiredStoreCode()
    {
    }

    internal RetiredStoreCode(string token, Guid merchantId, DateTimeOffset retiredAt)
    {
        Token = token;
        MerchantId = merchantId;
        RetiredAt = retiredAt;
    }

    public string Token { get; private set; } = "";

    public Guid MerchantId { get; private set; }

    public DateTimeOffset RetiredAt { get; private set; }
}
