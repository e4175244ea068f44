using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Email;

/// <summary>Reads the development mailbox; finds nothing when the mailbox is off, so the page is a 404 then.</summary>
public sealed class MailboxQueries(IDbContextFactory<PortalDbContext> contexts, IOptions<MailboxOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>The newest mails first, optionally only those to one address.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> ListAsync(string? to = null, int take = 50, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MailboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(to))
        {
            var address = to.Trim();
            query = query.Where(m => m.To.ToLower() == address.ToLower());
        }
        return await query.OrderByDescending(m => m.SentAt).Take(take).ToListAsync(cancellationToken);
    }
}
