namespace Portal.Email;

/// <summary>
/// Where mail goes when no transport is configured and the mailbox is off: nowhere, said in the log (without the mail,
/// which may carry a reset link). The owner still sees an invitation link once on the team page to pass on.
/// </summary>
internal sealed class UnsentMailer(ILogger<UnsentMailer> logger) : IStaffMailer
{
    public Task SendAsync(StaffEmail email, CancellationToken cancellationToken = default)
    {
        logger.MailNotSent();
        return Task.CompletedTask;
    }
}
