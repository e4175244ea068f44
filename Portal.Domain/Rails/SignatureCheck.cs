namespace Portal.Domain.Rails;

public enum SignatureCheck
{
    Valid,
    Malformed,
    BadSignature,
    Stale,

    /// <summary>The signature names a key the receiver does not hold, or one past its <c>NotAfter</c>.</summary>
    UnknownKey,
}
