using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PaymentSearchTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Search_EnterThenApplyThenBack_FiltersWithoutReload()
    {
        // Other Shop's, under a reference of their own: index 9 is the one failed payment of the ten.
        var prefix = $"FIND{Guid.NewGuid():N}"[..12] + "-";
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var seeded = await new PaymentHistoryBuilder(await DemoCheckouts.MerchantAsync(fixture.App.Services, DemoData.OtherShop))
            .WithCount(10).StartingAt(DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromMinutes(1)).WithReferencePrefix(prefix)
            .SaveAsync(contexts);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("other@demo.test");
        await admin.OpenPaymentsAsync();
        var payments = new PaymentsPageObject(admin.Page);
        // Gone if anything reloads the document: the filters must apply in place.
        await admin.Page.EvaluateAsync("() => window.portalTestMark = 'same document'");

        await payments.SearchAsync(seeded[3].Id.ToString());
        await Expect(admin.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"[?&]q={seeded[3].Id}"));
        await Expect(payments.Count).ToHaveTextAsync("1 payment");
        await Expect(payments.RowWith($"{prefix}00003")).ToBeVisibleAsync();

        await payments.TypeSearchAsync(prefix);
        await payments.ChooseStatusAsync("Failed");
        await payments.ApplyAsync();
        await Expect(payments.RowWith($"{prefix}00009")).ToBeVisibleAsync();
        await Expect(payments.Count).ToHaveTextAsync("1 payment");
        await Expect(admin.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]status=Failed"));

        await admin.Page.GoBackAsync();
        await Expect(payments.RowWith($"{prefix}00003")).ToBeVisibleAsync();
        await Expect(payments.Count).ToHaveTextAsync("1 payment");
        await Expect(payments.SearchField).ToHaveValueAsync(seeded[3].Id.ToString());
        Assert.Equal("same document", await admin.Page.EvaluateAsync<string?>("() => window.portalTestMark ?? null"));
    }
}
