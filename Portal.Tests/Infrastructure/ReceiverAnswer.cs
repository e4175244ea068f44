namespace Portal.Tests.Infrastructure;

/// <summary>How the test receiver answers one delivery.</summary>
public enum ReceiverAnswer
{
    Ok,
    ServerError,
    Redirect,
    Hang,
}
