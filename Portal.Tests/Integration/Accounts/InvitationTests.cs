using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Addresses;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Invitations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Accounts;

/// <summary>Invitation links against the real app and its database: one use, seven days, nothing else.</summary>
public abstract class InvitationTests<TProvider>(AccountsApp<TProvider> fixture) : IClassFixture<AccountsApp<TProvider>>
    where TProvider : IProviderUnderTest
{
    private const string StrongPassword = "Joined!Pass123";

    [Fact]
    public async Task Accept_PendingInvitation_CreatesMemberInRole()
    {
        var sent = await InviteAsync("new.manager@demo.test", StaffRole.Manager);

        var accepted = await AcceptAsync(TokenOf(sent), "Nina New", StrongPassword);

        Assert.True(accepted.Succeeded);
        var user = await fixture.UserAsync("new.manager@demo.test");
        Assert.Equal((StaffRole.Manager, "Nina New", (Guid?)await DemoShopIdAsync()), (user.Role, user.DisplayName, user.MerchantId));
    }

    [Fact]
    public async Task Accept_UsedInvitation_IsRefusedAndChangesNothing()
    {
        var sent = await InviteAsync("twice@demo.test", StaffRole.Viewer);
        Assert.True((await AcceptAsync(TokenOf(sent), "First Use", StrongPassword)).Succeeded);

        var second = await AcceptAsync(TokenOf(sent), "Second Use", "Other!Pass456");

        Assert.Equal(InvitationLinkState.Used, second.LinkState);
        Assert.Equal("First Use", (await fixture.UserAsync("twice@demo.test")).DisplayName);
        Assert.Equal(InvitationLinkState.Used, (await FindAsync(TokenOf(sent))).State);
    }

    [Fact]
    public async Task Accept_SameInvitationTwiceAtOnce_OneAccountAndTheOtherIsToldItIsUsed()
    {
        var sent = await InviteAsync("double.click@demo.test", StaffRole.Viewer);

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(() =>
            AcceptAsync(TokenOf(sent), $"Twin {i}", StrongPassword))));

        Assert.Single(both, a => a.Succeeded);
        Assert.Single(both, a => a.LinkState == InvitationLinkState.Used);
        Assert.Equal(both.Single(a => a.Succeeded).User!.Id, (await fixture.UserAsync("double.click@demo.test")).Id);
    }

    [Fact]
    public async Task Accept_ExpiredInvitation_IsRefusedAndCreatesNoAccount()
    {
        var sent = await InviteAsync("late@demo.test", StaffRole.Viewer);
        fixture.Time.Advance(StaffInvitation.DefaultLifetime + TimeSpan.FromMinutes(1));

        var accepted = await AcceptAsync(TokenOf(sent), "Late Comer", StrongPassword);

        Assert.Equal(InvitationLinkState.Expired, accepted.LinkState);
        Assert.False(await UserExistsAsync("late@demo.test"));
    }

    [Fact]
    public async Task Accept_WrongSecret_IsInvalid()
    {
        var sent = await InviteAsync("forged@demo.test", StaffRole.Owner);
        var forged = TokenOf(sent)[..32] + new string('A', 43);

        var accepted = await AcceptAsync(forged, "Mallory", StrongPassword);

        Assert.Equal(InvitationLinkState.Invalid, accepted.LinkState);
        Assert.False(await UserExistsAsync("forged@demo.test"));
        Assert.Equal(InvitationLinkState.Pending, (await FindAsync(TokenOf(sent))).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public async Task Find_MalformedToken_IsInvalid(string token)
    {
        Assert.Equal(InvitationLinkState.Invalid, (await FindAsync(token)).State);
    }

    [Fact]
    public async Task Accept_WeakPassword_SaysWhyAndLeavesInvitationPending()
    {
        var sent = await InviteAsync("weak@demo.test", StaffRole.Viewer);

        var accepted = await AcceptAsync(TokenOf(sent), "Walter Weak", "password");

        Assert.False(accepted.Succeeded);
        Assert.Contains(accepted.Errors, e => e.Contains("at least 12 characters", StringComparison.Ordinal));
        Assert.False(await UserExistsAsync("weak@demo.test"));
        Assert.Equal(InvitationLinkState.Pending, (await FindAsync(TokenOf(sent))).State);
    }

    [Fact]
    public async Task Invite_EmailWithAccount_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => InviteAsync("manager@demo.test", StaffRole.Viewer));

        Assert.Contains("Email", refused.Errors.Keys);
    }

    [Fact]
    public async Task Invite_StoresOnlyAHashAndMailsTheLink()
    {
        var sent = await InviteAsync("mailed@demo.test", StaffRole.Viewer);

        await using var db = await fixture.Contexts.CreateDbContextAsync();
        var stored = await db.StaffInvitations.SingleAsync(i => i.Id == sent.Id);
        Assert.DoesNotContain(TokenOf(sent)[32..], stored.TokenHash + stored.TokenSalt, StringComparison.Ordinal);
        var mail = await db.MailboxMessages.SingleAsync(m => m.To == "mailed@demo.test");
        Assert.Equal(sent.Link, mail.Link);
    }

    [Fact]
    public async Task InvitePage_UnknownToken_SaysNotValid()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };

        var html = await http.GetStringAsync("invite/0123456789abcdef0123456789abcdefnope");

        Assert.Contains("This invitation link is not valid", html, StringComparison.Ordinal);
    }

    private async Task<SentInvitation> InviteAsync(string email, StaffRole role) =>
        await fixture.App.Services.GetRequiredService<InvitationSender>()
            .SendAsync(await DemoShopIdAsync(), email, role, "owner@demo.test", new PublicLinks(fixture.App.BaseAddress));

    private static string TokenOf(SentInvitation sent) => sent.Link[(sent.Link.LastIndexOf('/') + 1)..];

    private async Task<AcceptedInvitation> AcceptAsync(string token, string name, string password)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, name, password);
    }

    private async Task<InvitationLookup> FindAsync(string token)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>().FindAsync(token);
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var db = await fixture.Contexts.CreateDbContextAsync();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    private async Task<Guid> DemoShopIdAsync()
    {
        await using var db = await fixture.Contexts.CreateDbContextAsync();
        return await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
    }
}

public sealed class InvitationOnSqliteTests(AccountsApp<OnSqlite> fixture) : InvitationTests<OnSqlite>(fixture);

public sealed class InvitationOnPostgresTests(AccountsApp<OnPostgres> fixture) : InvitationTests<OnPostgres>(fixture);
