using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Admin.Team;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.LiveUpdates;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.LiveUpdates;

/// <summary>
/// The payments hub as an attacker meets it, over real SignalR on the real app: anonymous joins, another merchant's
/// staff, a member removed or moved while their connection watches, guessed checkout tokens. The periodic re-check is
/// set far beyond a test's length here, so what is cut off is cut off by the change itself.
/// </summary>
public sealed class HubAuthorizationTests(HubAuthorizationTests.Fixture fixture) : IClassFixture<HubAuthorizationTests.Fixture>
{
    [Fact]
    public async Task WatchMerchant_Anonymous_IsRefused()
    {
        await using var anonymous = await HubWatcher.ConnectAsync(fixture.App.BaseAddress);

        await Assert.ThrowsAsync<HubException>(() => anonymous.Connection.InvokeAsync(nameof(PaymentsHub.WatchMerchant)));
    }

    [Fact]
    public async Task WatchMerchant_OtherMerchantsOwner_NeverReceivesDemoShopsPayments()
    {
        await using var other = await WatchMerchantAsync("other@demo.test");
        await using var control = await WatchMerchantAsync("viewer@demo.test");

        var (payment, _) = await DemoPayments.PaidAsync(fixture.App.Services, 3.21m);

        await control.UpdateOfAsync(payment.PaymentId);
        Assert.False(other.HasReceived(payment.PaymentId));
    }

    [Fact]
    public async Task Remove_ManagerWatching_ReceivesNothingAfterAndIsClosed()
    {
        var manager = await DemoStaff.CreateAsync(fixture.App.Services, DemoStaff.NewEmail("removed"), StaffRole.Manager);
        await using var removed = await WatchMerchantAsync(manager.Email!, DemoStaff.Password);
        await using var control = await WatchMerchantAsync("owner@demo.test");
        var (before, _) = await DemoPayments.PaidAsync(fixture.App.Services, 1.11m);
        await removed.UpdateOfAsync(before.PaymentId);

        await (await TeamOfOwnerAsync()).RemoveAsync(manager.Id);
        var (after, _) = await DemoPayments.PaidAsync(fixture.App.Services, 2.22m);

        await control.UpdateOfAsync(after.PaymentId);
        Assert.False(removed.HasReceived(after.PaymentId));
        await removed.WhenClosedAsync();
    }

    [Fact]
    public async Task WatchMerchant_RemovedMembersStillValidCookie_IsRefused()
    {
        var manager = await DemoStaff.CreateAsync(fixture.App.Services, DemoStaff.NewEmail("gone"), StaffRole.Manager);
        var cookies = await HubWatcher.SignInAsync(fixture.App.BaseAddress, manager.Email!, DemoStaff.Password);

        await (await TeamOfOwnerAsync()).RemoveAsync(manager.Id);
        await using var stale = await HubWatcher.ConnectAsync(fixture.App.BaseAddress, cookies);

        await Assert.ThrowsAsync<HubException>(() => stale.Connection.InvokeAsync(nameof(PaymentsHub.WatchMerchant)));
    }

    [Fact]
    public async Task ChangeRole_ManagerWatching_ConnectionIsClosed()
    {
        var manager = await DemoStaff.CreateAsync(fixture.App.Services, DemoStaff.NewEmail("moved"), StaffRole.Manager);
        await using var moved = await WatchMerchantAsync(manager.Email!, DemoStaff.Password);

        await (await TeamOfOwnerAsync()).ChangeRoleAsync(manager.Id, StaffRole.Viewer);

        // Its cookie still says Manager: it must sign in again to watch as what it is now.
        await moved.WhenClosedAsync();
    }

    [Fact]
    public async Task PasswordReset_MemberWatching_ConnectionIsClosed()
    {
        var member = await DemoStaff.CreateAsync(fixture.App.Services, DemoStaff.NewEmail("reset"), StaffRole.Viewer);
        await using var watching = await WatchMerchantAsync(member.Email!, DemoStaff.Password);

        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(member.Id))!;
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Another!Pass4567");
            Assert.True(reset.Succeeded);
        }

        await watching.WhenClosedAsync();
    }

    [Fact]
    public async Task WatchCheckout_UnknownAndMalformedTokens_AnswerAlike()
    {
        await using var client = await HubWatcher.ConnectAsync(fixture.App.BaseAddress);

        var unknown = await Assert.ThrowsAsync<HubException>(() =>
            client.Connection.InvokeAsync(nameof(PaymentsHub.WatchCheckout), new string('A', Portal.Domain.Checkouts.CheckoutToken.Length)));
        var malformed = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync(nameof(PaymentsHub.WatchCheckout), "x"));

        Assert.Equal(unknown.Message, malformed.Message);
    }

    [Fact]
    public async Task WatchCheckout_ExistingToken_IsWatched()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 4m);
        await using var client = await HubWatcher.ConnectAsync(fixture.App.BaseAddress);

        await client.Connection.InvokeAsync(nameof(PaymentsHub.WatchCheckout), checkout.Token);

        Assert.False(client.IsClosed);
    }

    [Fact]
    public async Task WatchCheckout_GuessingManyTokens_ClosesTheConnection()
    {
        await using var guesser = await HubWatcher.ConnectAsync(fixture.App.BaseAddress);

        for (var i = 0; i < PaymentsHub.MaxUnknownCheckouts && guesser.Connection.State == HubConnectionState.Connected; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                guesser.Connection.InvokeAsync(nameof(PaymentsHub.WatchCheckout), Guid.NewGuid().ToString("N")));
        }

        await guesser.WhenClosedAsync();
    }

    private async Task<HubWatcher> WatchMerchantAsync(string email, string password = "Demo!Pass123")
    {
        var watcher = await HubWatcher.ConnectAsync(fixture.App.BaseAddress, await HubWatcher.SignInAsync(fixture.App.BaseAddress, email, password));
        await watcher.Connection.InvokeAsync(nameof(PaymentsHub.WatchMerchant));
        return watcher;
    }

    private Task<TeamActions> TeamOfOwnerAsync() => DemoTeam.OfAsync(fixture.App.Services);

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp App { get; } = new(new Dictionary<string, string?> { ["StaffAccess:RecheckInterval"] = "00:30:00" });

        public Task InitializeAsync()
        {
            _ = App.BaseAddress;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
