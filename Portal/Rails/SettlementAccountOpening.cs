namespace Portal.Rails;

/// <summary>What the rail did when asked to open a settlement account.</summary>
public enum SettlementAccountOpening
{
    /// <summary>Opened now, with no balance.</summary>
    Opened,

    /// <summary>Open already as a merchant account in the currency asked for.</summary>
    AlreadyOpen,

    /// <summary>The number is taken by another kind of account, or one in another currency.</summary>
    Refused,

    /// <summary>The rail does not open accounts on request (a real acquirer).</summary>
    NotSupported,
}
