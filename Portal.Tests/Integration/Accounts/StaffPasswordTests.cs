using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Addresses;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Identity.Passwords;
using Portal.Invitations;

namespace Portal.Tests.Integration.Accounts;

/// <summary>The password rules on the real app: at least 12 characters, not on the shipped list, not the email's name.</summary>
public sealed class StaffPasswordTests(StaffAuthApp fixture) : IClassFixture<StaffAuthApp>
{
    [Theory]
    [InlineData("Tea!Garden1", "at least 12 characters")]
    [InlineData("password1234", "common or breached")]
    [InlineData("Qazwsx123456", "common or breached")]
    [InlineData("  ILOVEYOU1234 ", "common or breached")]
    [InlineData("ingrid.tea-Garden!", "your email's name")]
    public async Task AcceptInvitation_RefusedPassword_SaysWhyAndCreatesNobody(string password, string reason)
    {
        var email = $"ingrid.tea@{Guid.NewGuid():N}.example";
        var token = await InviteAsync(email);

        var accepted = await AcceptAsync(token, password);

        Assert.False(accepted.Succeeded);
        Assert.Contains(accepted.Errors, e => e.Contains(reason, StringComparison.Ordinal));
        using var scope = fixture.App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task AcceptInvitation_LongUncommonPassword_CreatesTheMember()
    {
        var email = $"nora-{Guid.NewGuid():N}"[..12] + "@shop.example";

        var accepted = await AcceptAsync(await InviteAsync(email), "Longjing tea at dawn 42");

        Assert.True(accepted.Succeeded);
    }

    [Fact]
    public async Task ChangePassword_ToCommonPassword_IsRefusedAndOldOneStillWorks()
    {
        var email = await fixture.NewStaffAsync("chg");
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);

        var changed = await users.ChangePasswordAsync(user!, StaffAuthApp.Password, "password1234");

        Assert.Contains(changed.Errors, e => e.Code == "PasswordCommon");
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, StaffAuthApp.Password));
    }

    [Theory]
    [InlineData("password1234", true)]
    [InlineData("PASSWORD1234", true)]
    [InlineData("Longjing tea at dawn 42", false)]
    public void CommonPasswords_Lookup_IgnoresCaseAndSurroundingSpace(string password, bool listed) =>
        Assert.Equal(listed, CommonPasswords.Contains(password));

    private async Task<string> InviteAsync(string email)
    {
        Guid merchantId;
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            merchantId = await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
        }
        var sent = await fixture.App.Services.GetRequiredService<InvitationSender>()
            .SendAsync(merchantId, email, StaffRole.Viewer, "owner@demo.test", new PublicLinks(new Uri("http://127.0.0.1/")));
        return sent.Link[(sent.Link.LastIndexOf('/') + 1)..];
    }

    private async Task<AcceptedInvitation> AcceptAsync(string token, string password)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, "Ingrid Tea", password);
    }
}
