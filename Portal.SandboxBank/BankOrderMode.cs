namespace Portal.SandboxBank;

public enum BankOrderMode
{
    /// <summary>Verified and settled before the answer (wire value <c>realtime</c>).</summary>
    RealTime,

    /// <summary>Verified and accepted at once, settled later, its result POSTed to the order's callback (wire value <c>fast</c>).</summary>
    Fast,
}
