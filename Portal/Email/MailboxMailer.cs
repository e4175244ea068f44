using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Email;

/// <summary>Keeps every mail in the database (it survives restarts), for the mailbox page to show.</summary>
internal sealed class MailboxMailer(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, ILogger<MailboxMailer> logger)
    : IStaffMailer
{
    public async Task SendAsync(StaffEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = new MailboxMessage
        {
            Id = Guid.CreateVersion7(now),
            To = email.To,
            Subject = email.Subject,
            Body = email.Body,
            Link = email.Link,
            SentAt = now,
        };
        db.MailboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        logger.MailKept(message.Id);
    }
}
