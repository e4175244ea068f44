namespace Portal.SandboxBank;

/// <summary>What the bank answers a request for a quote.</summary>
public enum FxQuoteOutcome
{
    /// <summary>The payer's range holds another currency: a quote was given and stored.</summary>
    Quoted,

    /// <summary>The payer's range holds the payment's currency, or the number is in no range: nothing to convert.</summary>
    NoConversion,

    /// <summary>The bank has no rate for the pair.</summary>
    PairNotSupported,
}
