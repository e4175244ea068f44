namespace Portal.KeyRing;

internal static partial class KeyRingLog
{
    [LoggerMessage(EventId = 1101, EventName = "KeyRingUnencrypted", Level = LogLevel.Critical,
        Message = "The Data Protection key ring is stored in the database WITHOUT encryption at rest: anyone who can read " +
                  "the DataProtectionKeys table can forge staff sign-ins and decrypt webhook secrets. Set " +
                  "DataProtection:Certificate:Path and DataProtection:Certificate:Password (a PKCS#12 file).")]
    public static partial void KeyRingUnencrypted(this ILogger logger);

    [LoggerMessage(EventId = 1102, EventName = "WebhookSecretsImported", Level = LogLevel.Information,
        Message = "Moved {Count} webhook secrets from the old key ring in {Folder} to the database's key ring.")]
    public static partial void WebhookSecretsImported(this ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 1103, EventName = "WebhookSecretNotImported", Level = LogLevel.Warning,
        Message = "The webhook endpoint {EndpointId}'s secret could not be read with the old key ring; roll its secret.")]
    public static partial void WebhookSecretNotImported(this ILogger logger, Guid endpointId);
}
