namespace Portal.Email;

internal static partial class EmailLog
{
    [LoggerMessage(EventId = 7001, EventName = "MailKept", Level = LogLevel.Information,
        Message = "Mail {MessageId} kept in the development mailbox")]
    public static partial void MailKept(this ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 7002, EventName = "MailNotSent", Level = LogLevel.Warning,
        Message = "A mail was not sent: no mail transport is configured and Email:Mailbox:Enabled is false")]
    public static partial void MailNotSent(this ILogger logger);
}
