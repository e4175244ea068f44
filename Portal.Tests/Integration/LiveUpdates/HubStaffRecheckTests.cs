using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.LiveUpdates;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.LiveUpdates;

/// <summary>
/// A change of access nobody announced (a security stamp renewed on another instance while the bus was down, here
/// written straight into the database) still cuts off the member's hub connection, at the next periodic re-check: set
/// to a second here.
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

        // Straight into the database, past Identity's user manager, which would announce it.
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Id == member.Id);
            user.SecurityStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
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
