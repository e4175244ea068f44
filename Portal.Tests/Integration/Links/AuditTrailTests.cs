using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Admin;
using Portal.Admin.Audit;
using Portal.Admin.Links;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Identity;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Links;

/// <summary>
/// Links deactivated and audited through the real app's services and database: what each merchant's staff do lands in
/// that merchant's audit log only, and a deactivated link refuses payment.
/// </summary>
public sealed partial class AuditTrailTests(LinksAppFixture fixture) : IClassFixture<LinksAppFixture>, IAsyncLifetime
{
    private readonly PortalApp _app = fixture.App;
    private Guid _demoId;
    private Guid _otherId;

    private IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _demoId = await DemoCheckouts.MerchantIdAsync(Services, DemoData.DemoShop);
        _otherId = await DemoCheckouts.MerchantIdAsync(Services, DemoData.OtherShop);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateLink_ByManager_IsInOwnersAuditLogOnly()
    {
        var checkout = await ActionsOf(_demoId, StaffRole.Manager).CreateAsync(Request("Audited tea"));

        var demoLog = await AuditOf(_demoId).ListAsync(new AuditQuery(Action: AuditActions.LinkCreated));
        var otherLog = await AuditOf(_otherId).ListAsync(new AuditQuery(Action: AuditActions.LinkCreated));

        var entry = Assert.Single(demoLog.Rows, r => r.TargetId == checkout.Id.ToString());
        Assert.Equal("Manager Test", entry.ActorName);
        Assert.Contains("Audited tea", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(otherLog.Rows, r => r.TargetId == checkout.Id.ToString());
    }

    [Fact]
    public async Task Deactivate_ThenChooseMethod_IsRefusedAsNoLongerActive()
    {
        var checkout = await ActionsOf(_demoId, StaffRole.Manager).CreateAsync(Request("Soon inactive"));

        await ActionsOf(_demoId, StaffRole.Manager).DeactivateAsync(checkout.Id);

        var closed = await Assert.ThrowsAsync<CheckoutClosedException>(() =>
            Services.GetRequiredService<PaymentFlow>().ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime));
        Assert.Equal(FailureReason.Deactivated, closed.Reason);
        var log = await AuditOf(_demoId).ListAsync(new AuditQuery(Action: AuditActions.LinkDeactivated));
        Assert.Contains(log.Rows, r => r.TargetId == checkout.Id.ToString());
    }

    [Fact]
    public async Task Deactivate_AnotherMerchantsLink_IsNotFoundAndChangesNothing()
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, 8m, DemoData.DemoShop);

        await Assert.ThrowsAsync<NotFoundException>(() => ActionsOf(_otherId, StaffRole.Owner).DeactivateAsync(checkout.Id));

        Assert.Equal(CheckoutStatus.Open, (await DemoCheckouts.ReloadAsync(Services, checkout.Id)).Status);
        var otherLog = await AuditOf(_otherId).ListAsync(new AuditQuery(Action: AuditActions.LinkDeactivated));
        Assert.Empty(otherLog.Rows);
    }

    [Fact]
    public async Task Deactivate_ByViewer_IsForbiddenAndChangesNothing()
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, 9m, DemoData.DemoShop);

        await Assert.ThrowsAsync<ForbiddenException>(() => ActionsOf(_demoId, StaffRole.Viewer).DeactivateAsync(checkout.Id));

        Assert.Equal(CheckoutStatus.Open, (await DemoCheckouts.ReloadAsync(Services, checkout.Id)).Status);
    }

    [Fact]
    public async Task ListAudit_AsManager_IsRefused()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AuditOf(_demoId, StaffRole.Manager).ListAsync(new AuditQuery()));
    }

    [Fact]
    public async Task ListAudit_DateRangeBeforeAnything_IsEmpty()
    {
        await ActionsOf(_demoId, StaffRole.Manager).CreateAsync(Request("Dated tea"));

        var log = await AuditOf(_demoId).ListAsync(new AuditQuery(From: new DateOnly(2000, 1, 1), To: new DateOnly(2000, 1, 2)));

        Assert.Equal(0, log.Count.Value);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsAuditedForThatMerchant()
    {
        var status = await SignInAsync("owner@demo.test", "Wrong!Pass123");

        Assert.Equal(HttpStatusCode.OK, status);
        var log = await AuditOf(_demoId).ListAsync(new AuditQuery(Action: AuditActions.SignInFailed));
        var entry = Assert.Single(log.Rows);
        Assert.Contains("wrong password", entry.Summary, StringComparison.Ordinal);
        Assert.Empty((await AuditOf(_otherId).ListAsync(new AuditQuery(Action: AuditActions.SignInFailed))).Rows);
    }

    [Fact]
    public async Task SignIn_RightPassword_IsAudited()
    {
        var status = await SignInAsync("manager@demo.test", DemoData.Password);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var log = await AuditOf(_demoId).ListAsync(new AuditQuery(Action: AuditActions.SignedIn));
        Assert.Contains(log.Rows, r => r.Summary == "Signed in" && r.IpAddress == "127.0.0.1");
    }

    private static CheckoutRequest Request(string description) =>
        new(12.50m, "CNY", description, DateTimeOffset.UtcNow.AddDays(1));

    private LinkActions ActionsOf(Guid merchantId, StaffRole role) => new(
        Services.GetRequiredService<CheckoutLifecycle>(), StaffOf(merchantId, role), Services.GetRequiredService<IAuditLog>(),
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Services.GetRequiredService<TimeProvider>());

    private AuditQueries AuditOf(Guid merchantId, StaffRole role = StaffRole.Owner) =>
        new(Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), StaffOf(merchantId, role));

    private async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = _app.BaseAddress,
        };
        var page = await client.GetStringAsync("Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync("Account/Login", form);
        return response.StatusCode;
    }

    private static CurrentStaff StaffOf(Guid merchantId, StaffRole role) => new(new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"user-{role}"),
            new Claim(ClaimTypes.Email, $"{role}@test.example"),
            new Claim(ClaimTypes.GivenName, $"{role} Test"),
            new Claim(ClaimTypes.Role, role.ToString()),
            new Claim(PortalClaims.MerchantId, merchantId.ToString()),
        ], "Test"))));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
