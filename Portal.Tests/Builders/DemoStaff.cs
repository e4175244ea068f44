using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Addresses;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Invitations;

namespace Portal.Tests.Builders;

/// <summary>
/// New staff for a test that changes an account (two-factor, password, lockout): invited and accepted through the app's
/// own services, so the shared demo logins stay as other tests expect them.
/// </summary>
public static class DemoStaff
{
    public const string Password = "Member!Pass123";

    public static async Task<PortalUser> CreateAsync(IServiceProvider services, string email, StaffRole role = StaffRole.Viewer,
        string merchant = DemoData.DemoShop)
    {
        Guid merchantId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            merchantId = await db.Merchants.Where(m => m.Name == merchant).Select(m => m.Id).SingleAsync();
        }
        var sent = await services.GetRequiredService<InvitationSender>()
            .SendAsync(merchantId, email, role, "owner@demo.test", new PublicLinks(new Uri("http://127.0.0.1/")));
        using var scope = services.CreateScope();
        var accepted = await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>()
            .AcceptAsync(sent.Link[(sent.Link.LastIndexOf('/') + 1)..], email.Split('@')[0], Password);
        return accepted.User ?? throw new InvalidOperationException(string.Join(" ", accepted.Errors));
    }

    /// <summary>An address no other test uses.</summary>
    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)] + "@demo.test";
}
