using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.LiveUpdates;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.LiveUpdates;

/// <summary>
/// A change of access nobody announces (a password reset renews the security stamp, and no team page is involved) still
/// cuts off the member's hub connection, at the next periodic re-check: set to a second here.
/// </summary>
public sealed class HubStaffRecheckTests : IAsyncLifetime
{
    private readonly PortalApp _app = new(new Dictionary<string, string?> { ["StaffAccess:RecheckInterval"] = "00:00:01" });

    [Fact]
    public async Task SecurityStampRenewed_WatchingConnection_IsClosedByTheRecheck()
    {
        var member = await DemoStaff.CreateAsync(_app.Services, DemoStaff.NewEmail("reset"), StaffRole.Manager);
        await using var watcher = await HubWatcher.ConnectAsync(_app.BaseAddress,
            await HubWatcher.SignInAsync(_app.BaseAddress, member.Email!, DemoStaff.Password));
        await watcher.Connection.InvokeAsync(nameof(PaymentsHub.WatchMerchant));

        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(member.Id))!);
        }

        await watcher.WhenClosedAsync();
    }

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
