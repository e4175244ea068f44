namespace Portal.Email;

/// <summary>
/// Sends mail to staff. Identity's mails (password reset) and Portal's own (invitations) both go through it, so that
/// one implementation decides where mail goes: the development mailbox, or a real transport in production.
/// </summary>
public interface IStaffMailer
{
    Task SendAsync(StaffEmail email, CancellationToken cancellationToken = default);
}
