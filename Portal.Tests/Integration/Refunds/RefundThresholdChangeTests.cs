using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Admin;
using Portal.Admin.Audit;
using Portal.Admin.Settings;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Domain.Refunds;
using Portal.Identity;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Refunds;

/// <summary>
/// An Owner raises the four-eyes threshold to refund a lot at once: the raise waits out its delay (24 hours by default)
/// on the app's own clock, which the test moves, and another Owner can cancel it meanwhile; a lowering applies at once.
/// Each test has its own app, as each changes the merchant's threshold.
/// </summary>
public sealed class RefundThresholdChangeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly PortalApp _app;
    private Guid _merchantId;

    public RefundThresholdChangeTests() => _app = new PortalApp(time: _time);

    private IServiceProvider Services => _app.Services;

    private RefundFlow Refunds => Services.GetRequiredService<RefundFlow>();

    public async Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        _merchantId = await DemoCheckouts.MerchantIdAsync(Services);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Raise_RefundsStillWaitUntilTheDelayHasPassed()
    {
        var (early, _) = await DemoPayments.PaidAsync(Services, 2_000.00m);
        var (late, _) = await DemoPayments.PaidAsync(Services, 2_000.00m);

        await SettingsOf("owner-1").SaveRefundsAsync(new RefundSettingsModel { WindowDays = 180, ApprovalThreshold = "5000.00" });
        var beforeDelay = await RequestAsync(early.PaymentId);
        _time.Advance(TimeSpan.FromHours(24));
        var afterDelay = await RequestAsync(late.PaymentId);

        Assert.Equal(RefundStatus.PendingApproval, beforeDelay.Status);
        Assert.Equal("CNY 2,000.00 is above the CNY 1,000.00 threshold.", beforeDelay.ApprovalReason);
        Assert.Equal(RefundStatus.Succeeded, afterDelay.Status);
    }

    [Fact]
    public async Task Raise_IsShownAsPendingAndAudited()
    {
        var requestedAt = _time.GetUtcNow();

        await SettingsOf("owner-1").SaveRefundsAsync(new RefundSettingsModel { WindowDays = 180, ApprovalThreshold = "5000.00" });

        var settings = await SettingsOf("owner-2").LoadRefundsAsync();
        Assert.Equal("1000.00", settings.ApprovalThreshold);
        Assert.Equal("5000.00", settings.PendingThreshold?.ToAmountString());
        Assert.Equal(requestedAt + TimeSpan.FromHours(24), settings.PendingFrom);
        Assert.Equal("owner-1 Test", settings.PendingBy);
        var log = await AuditAsync(AuditActions.RefundThresholdRaiseScheduled);
        var entry = Assert.Single(log.Rows);
        Assert.Contains("CNY 5,000.00", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raise_CancelledByAnotherOwner_NeverTakesEffect()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 2_000.00m);
        await SettingsOf("owner-1").SaveRefundsAsync(new RefundSettingsModel { WindowDays = 180, ApprovalThreshold = "5000.00" });

        Assert.True(await SettingsOf("owner-2").CancelPendingThresholdAsync());
        _time.Advance(TimeSpan.FromHours(25));
        var refund = await RequestAsync(payment.PaymentId);

        Assert.Equal(RefundStatus.PendingApproval, refund.Status);
        Assert.Null((await SettingsOf("owner-2").LoadRefundsAsync()).PendingThreshold);
        var entry = Assert.Single((await AuditAsync(AuditActions.RefundThresholdRaiseCancelled)).Rows);
        Assert.Equal("owner-2 Test", entry.ActorName);
    }

    [Fact]
    public async Task Lower_AppliesAtOnce()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 500.00m);

        await SettingsOf("owner-1").SaveRefundsAsync(new RefundSettingsModel { WindowDays = 180, ApprovalThreshold = "100.00" });
        var refund = await RequestAsync(payment.PaymentId, "150.00");

        Assert.Equal(RefundStatus.PendingApproval, refund.Status);
        Assert.Equal("CNY 150.00 is above the CNY 100.00 threshold.", refund.ApprovalReason);
        Assert.Null((await SettingsOf("owner-1").LoadRefundsAsync()).PendingThreshold);
        Assert.Empty((await AuditAsync(AuditActions.RefundThresholdRaiseScheduled)).Rows);
    }

    [Fact]
    public async Task CancelPendingThreshold_ByManager_IsRefused()
    {
        await SettingsOf("owner-1").SaveRefundsAsync(new RefundSettingsModel { WindowDays = 180, ApprovalThreshold = "5000.00" });

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => SettingsOf("manager-1", StaffRole.Manager).CancelPendingThresholdAsync());

        Assert.NotNull((await SettingsOf("owner-1").LoadRefundsAsync()).PendingThreshold);
    }

    private async Task<RefundSnapshot> RequestAsync(Guid paymentId, string? amount = null) =>
        await Refunds.RequestAsync(await DemoPayments.StaffAsync(Services, StaffRole.Manager), paymentId,
            new RefundRequest(amount, RefundReason.RequestedByCustomer, null, Guid.NewGuid().ToString("N")));

    private MerchantSettings SettingsOf(string userId, StaffRole role = StaffRole.Owner) => new(
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), StaffOf(userId, role), Services.GetRequiredService<IAuditLog>(),
        _time, Services.GetRequiredService<IOptions<RefundSettingsOptions>>());

    private async Task<AuditPage> AuditAsync(string action) =>
        await new AuditQueries(Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), StaffOf("auditor", StaffRole.Owner))
            .ListAsync(new AuditQuery(Action: action));

    private CurrentStaff StaffOf(string userId, StaffRole role) => new(new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userId),
            new Claim(ClaimTypes.Email, $"{userId}@test.example"),
            new Claim(ClaimTypes.GivenName, $"{userId} Test"),
            new Claim(ClaimTypes.Role, role.ToString()),
            new Claim(PortalClaims.MerchantId, _merchantId.ToString()),
        ], "Test"))));

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
