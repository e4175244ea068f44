namespace Portal.Pay;

/// <summary>What the customer typed, unparsed. ToString hides both fields.</summary>
public sealed record PayerInput(string Account, string Pin)
{
    public override string ToString() => "PayerInput";
}
