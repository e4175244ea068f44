namespace Portal.Email;

/// <summary>The development mailbox (section <c>Email:Mailbox</c>): mail stored in Portal's database and shown at /dev/mailbox.</summary>
public sealed class MailboxOptions
{
    public const string Section = "Email:Mailbox";

    /// <summary>
    /// Keep mail in the mailbox page instead of sending it. Never in production: the page is open to anyone, which is
    /// the point on a developer's machine (an invitee reads their link before they have an account). Defaults to false.
    /// </summary>
    public bool Enabled { get; set; }
}
