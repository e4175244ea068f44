namespace Portal.Domain.Rails;

public enum SignatureCheck
{
    Valid,
    Malformed,
    BadSignature,
    Stale,
}
