using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Addresses;
using Portal.Admin.Team;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Invitations;
using Portal.StaffAccess;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Accounts;

/// <summary>An owner's changes to the team, against the real app's database and demo staff.</summary>
public abstract class TeamActionsTests<TProvider>(AccountsApp<TProvider> fixture) : IClassFixture<AccountsApp<TProvider>>
    where TProvider : IProviderUnderTest
{
    [Fact]
    public async Task ChangeRole_OwnRole_IsRefused()
    {
        var team = await TeamOfAsync("owner@demo.test");
        var owner = await fixture.UserAsync("owner@demo.test");

        await Assert.ThrowsAsync<DomainException>(() => team.ChangeRoleAsync(owner.Id, StaffRole.Viewer));

        Assert.Equal(StaffRole.Owner, (await fixture.UserAsync("owner@demo.test")).Role);
    }

    [Fact]
    public async Task ChangeRole_ManagerToViewer_IsSavedAndRenewsStamp()
    {
        var member = await CreateMemberAsync("promote.me@demo.test", StaffRole.Manager);
        var team = await TeamOfAsync("owner@demo.test");

        await team.ChangeRoleAsync(member.Id, StaffRole.Viewer);

        var changed = await fixture.UserAsync("promote.me@demo.test");
        Assert.Equal(StaffRole.Viewer, changed.Role);
        Assert.NotEqual(member.SecurityStamp, changed.SecurityStamp);
    }

    [Fact]
    public async Task ChangeRole_LastOtherOwner_IsRefusedForAStaleOwner()
    {
        // Two owners; the second demotes the first, whose open page still thinks they are an owner and tries back.
        var first = await CreateMemberAsync("first.owner@demo.test", StaffRole.Owner, merchant: DemoData.OtherShop);
        var staleFirst = await TeamOfAsync("first.owner@demo.test");
        await (await TeamOfAsync("other@demo.test")).ChangeRoleAsync(first.Id, StaffRole.Manager);
        var other = await fixture.UserAsync("other@demo.test");

        var refused = await Assert.ThrowsAsync<DomainException>(() => staleFirst.ChangeRoleAsync(other.Id, StaffRole.Viewer));

        Assert.Contains("at least one owner", refused.Message, StringComparison.Ordinal);
        Assert.Equal(StaffRole.Owner, (await fixture.UserAsync("other@demo.test")).Role);
    }

    [Fact]
    public async Task Remove_Yourself_IsRefused()
    {
        var team = await TeamOfAsync("owner@demo.test");
        var owner = await fixture.UserAsync("owner@demo.test");

        await Assert.ThrowsAsync<DomainException>(() => team.RemoveAsync(owner.Id));
    }

    [Fact]
    public async Task Remove_Member_DeletesTheirAccount()
    {
        var member = await CreateMemberAsync("leaving@demo.test", StaffRole.Viewer);

        await (await TeamOfAsync("owner@demo.test")).RemoveAsync(member.Id);

        using var scope = fixture.App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("leaving@demo.test"));
    }

    [Fact]
    public async Task ChangeRole_OtherMerchantsMember_IsNotFound()
    {
        var otherOwner = await fixture.UserAsync("other@demo.test");
        var team = await TeamOfAsync("owner@demo.test");

        await Assert.ThrowsAsync<NotFoundException>(() => team.ChangeRoleAsync(otherOwner.Id, StaffRole.Viewer));

        Assert.Equal(StaffRole.Owner, (await fixture.UserAsync("other@demo.test")).Role);
    }

    [Theory]
    [InlineData("manager@demo.test")]
    [InlineData("viewer@demo.test")]
    public async Task Invite_NotAnOwner_IsForbidden(string email)
    {
        var team = await TeamOfAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => team.InviteAsync("sneaky@demo.test", StaffRole.Owner, new PublicLinks(fixture.App.BaseAddress)));
    }

    [Fact]
    public async Task InviteAndRoleChange_AreInTheOwnersAuditLog()
    {
        var email = $"audited-{Guid.NewGuid():N}@demo.test";
        var member = await CreateMemberAsync(email, StaffRole.Viewer);

        await (await TeamOfAsync("owner@demo.test")).ChangeRoleAsync(member.Id, StaffRole.Manager);

        await using var db = await fixture.Contexts.CreateDbContextAsync();
        var invited = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.StaffInvited && e.TargetId == email);
        var changed = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.StaffRoleChanged && e.TargetId == member.Id);
        Assert.Equal(invited.MerchantId, changed.MerchantId);
        Assert.Contains("Viewer to Manager", changed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMembers_ShowsOwnMerchantOnly()
    {
        var queries = new TeamQueries(fixture.Contexts, await fixture.SignedInAsync("owner@demo.test"), TimeProvider.System);

        var members = await queries.ListMembersAsync();

        Assert.Contains(members, m => m.Email == "viewer@demo.test");
        Assert.DoesNotContain(members, m => m.Email == "other@demo.test");
        Assert.Single(members, m => m.IsYou);
    }

    private async Task<TeamActions> TeamOfAsync(string email) =>
        new(fixture.Contexts, await fixture.SignedInAsync(email), fixture.App.Services.GetRequiredService<InvitationSender>(),
            fixture.App.Services.GetRequiredService<IAuditLog>(), fixture.App.Services.GetRequiredService<StaffAccessChanges>());

    private async Task<PortalUser> CreateMemberAsync(string email, StaffRole role, string merchant = DemoData.DemoShop)
    {
        var owner = merchant == DemoData.DemoShop ? "owner@demo.test" : "other@demo.test";
        var sent = await (await TeamOfAsync(owner)).InviteAsync(email, role, new PublicLinks(fixture.App.BaseAddress));
        using var scope = fixture.App.Services.CreateScope();
        var accepted = await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>()
            .AcceptAsync(sent.Link[(sent.Link.LastIndexOf('/') + 1)..], email, "Member!Pass123");
        return accepted.User ?? throw new InvalidOperationException(string.Join(" ", accepted.Errors));
    }
}

public sealed class TeamActionsOnSqliteTests(AccountsApp<OnSqlite> fixture) : TeamActionsTests<OnSqlite>(fixture);

public sealed class TeamActionsOnPostgresTests(AccountsApp<OnPostgres> fixture) : TeamActionsTests<OnPostgres>(fixture);
