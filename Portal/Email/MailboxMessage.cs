namespace Portal.Email;

/// <summary>A mail kept in the development mailbox instead of being sent: what a mail server would have delivered.</summary>
public sealed class MailboxMessage
{
    public Guid Id { get; init; }

    public string To { get; init; } = "";

    public string Subject { get; init; } = "";

    /// <summary>Plain text.</summary>
    public string Body { get; init; } = "";

    /// <summary>The mail's one link (an invitation, a password reset), shown as a button.</summary>
    public string? Link { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
