using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// Every admin page and endpoint, asked over real HTTP by each kind of user: anonymous, Viewer, Manager, Owner, the
/// platform operator, and another merchant's Owner asking for Demo Shop's things by id. One test per user, and each
/// lists every route that answered otherwise than the matrix says, so a failure shows the whole picture at once.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    /// <summary>What a user gets: the page, the sign-in page, a refusal, or a 404 for a thing that is not theirs.</summary>
    public enum Outcome
    {
        Allowed,
        SignIn,
        Refused,
        NotFound,
    }

    private const string Anonymous = "anonymous";

    [Theory]
    [InlineData(Anonymous)]
    [InlineData("viewer@demo.test")]
    [InlineData("manager@demo.test")]
    [InlineData("owner@demo.test")]
    [InlineData("operator@demo.test")]
    [InlineData("other@demo.test")]
    public async Task EveryAdminRoute_AnswersAsTheMatrixSays(string user)
    {
        using var client = user == Anonymous
            ? StaffHttpClient.Anonymous(fixture.App.BaseAddress)
            : await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, user);

        var wrong = new List<string>();
        foreach (var route in fixture.Routes)
        {
            var expected = route.Expect(user);
            using var response = await client.GetAsync(route.Path);
            var actual = await ClassifyAsync(response);
            if (actual != expected)
            {
                wrong.Add($"{route.Path}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }

        Assert.True(wrong.Count == 0, $"{user}:\n" + string.Join("\n", wrong));
    }

    private static async Task<Outcome> ClassifyAsync(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                var body = await response.Content.ReadAsStringAsync();
                // A signed-in user on a page their role does not allow gets the router's refusal page.
                return body.Contains("Not available to you", StringComparison.Ordinal) ? Outcome.Refused : Outcome.Allowed;
            case HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("Account/Login", StringComparison.OrdinalIgnoreCase):
            case HttpStatusCode.Unauthorized:
                return Outcome.SignIn;
            case HttpStatusCode.Redirect when location.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase):
            case HttpStatusCode.Redirect when location.Contains("operator", StringComparison.OrdinalIgnoreCase):
            case HttpStatusCode.Forbidden:
                return Outcome.Refused;
            case HttpStatusCode.NotFound:
                return Outcome.NotFound;
            default:
                return (Outcome)(-1);
        }
    }

    /// <summary>One route and who may open it; ids in it belong to Demo Shop.</summary>
    public sealed record Route(string Path, Func<string, Outcome> Expect);

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp App { get; } = new();

        public List<Route> Routes { get; } = [];

        public async Task InitializeAsync()
        {
            var services = App.Services;
            var (payment, _) = await DemoPayments.PaidAsync(services, 12.34m);
            var checkout = await DemoCheckouts.CreateAsync(services, 5m);
            await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            {
                // The store code must exist for its print page; an owner turns it on once.
                var merchant = await db.Merchants.SingleAsync(m => m.Id == checkout.MerchantId);
                if (merchant.StoreToken is null)
                {
                    merchant.EnableStoreCode();
                    await db.SaveChangesAsync();
                }
            }

            var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var range = $"from={today}&to={today}";
            Add(Staff, "admin", "admin/dashboard", "admin/payments", "admin/links", "admin/refunds", "admin/refunds/approvals",
                "admin/reports", "admin/payments/export.csv", $"admin/reports/settlement.csv?{range}",
                $"admin/reports/reconciliation.csv?{range}");
            Add(Managers, "admin/links/new");
            Add(Owners, "admin/settings", "admin/team", "admin/audit", "admin/links/store/print", "admin/api-keys");
            Add(Owners, "admin/webhooks");
            Add(OperatorOnly, "operator/merchants", "operator/audit");
            // Demo Shop's own things by id: its staff see them; the other merchant's owner gets a 404.
            Add(DemoShopThing, $"admin/payments/{payment.PaymentId}", $"admin/links/{checkout.Id}/print");
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private void Add(Func<string, Outcome> expect, params string[] paths) =>
            Routes.AddRange(paths.Select(path => new Route(path, expect)));

        private static Outcome Staff(string user) => user switch
        {
            Anonymous => Outcome.SignIn,
            "operator@demo.test" => Outcome.Refused,
            _ => Outcome.Allowed,
        };

        private static Outcome Managers(string user) =>
            Narrow(Staff(user), user is "manager@demo.test" or "owner@demo.test" or "other@demo.test");

        private static Outcome Owners(string user) => Narrow(Staff(user), user is "owner@demo.test" or "other@demo.test");

        private static Outcome OperatorOnly(string user) => user switch
        {
            Anonymous => Outcome.SignIn,
            "operator@demo.test" => Outcome.Allowed,
            _ => Outcome.Refused,
        };

        private static Outcome DemoShopThing(string user) => user switch
        {
            "other@demo.test" => Outcome.NotFound,
            _ => Staff(user),
        };

        // Staff's answer, narrowed to the roles allowed: a signed-in member outside them is refused.
        private static Outcome Narrow(Outcome staff, bool allowed) =>
            staff != Outcome.Allowed ? staff : allowed ? Outcome.Allowed : Outcome.Refused;
    }
}
