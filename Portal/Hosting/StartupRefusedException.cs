namespace Portal.Hosting;

/// <summary>
/// Portal will not start as configured; the message says which setting to change. Program prints it alone, without a
/// stack trace, and exits with a non-zero code.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
