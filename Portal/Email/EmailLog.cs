namespace Portal.Email;

internal static partial class EmailLog
{
    [LoggerMessage(EventId = 7001, EventName = "MailKept", Level = LogLevel.Information,
        Message = "Mail {MessageId} kept in the development mailbox")]
    public static partial void MailKept(this ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 7002, EventName = "MailNotSent", Level = LogLevel.Warning,
        Message = "A mail was not sent: Email:Smtp:Host is not set and Email:Mailbox:Enabled is false")]
    public static partial void MailNotSent(this ILogger logger);

    [LoggerMessage(EventId = 7003, EventName = "MailSent", Level = LogLevel.Information,
        Message = "Mail {MessageId} handed to the SMTP server")]
    public static partial void MailSent(this ILogger logger, string messageId);
}
