using Microsoft.EntityFrameworkCore;
using Portal.Domain.Payments;
using Portal.Hosting;
using Portal.SandboxBank;
using Portal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Instances;

/// <summary>An instance dies while carrying a customer's payment: the customer carries on through the other.</summary>
public sealed class InstanceDeathTests(InstanceDeathFixture fixture) : IClassFixture<InstanceDeathFixture>
{
    [Fact]
    public async Task InstanceKilledBetweenStepsFourAndSix_OtherFinishesWithOneDebit_CustomerPageShowsResultWithoutReload()
    {
        var secret = await fixture.IssueApiKeyAsync();
        var checkout = await fixture.CreateCheckoutAsync(secret, 33.30m, fixture.A);
        await using var customer = await fixture.ContextOnAsync("a");
        var page = new CheckoutPageObject(await customer.NewPageAsync());
        var opened = await page.Page.GotoAsync($"pay/{checkout.Token}");
        Assert.Equal("a", opened!.Headers[InstanceName.Header.ToLowerInvariant()]);
        await Expect(page.Page.Locator("main[data-ready='true']")).ToBeVisibleAsync();

        // A sends the order; the bank commits the debit and holds its answer, so A waits at step 4 with the order sent.
        await page.PayRealTimeAsync("6200000000000001", "123456");
        await Expect(page.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Processing your payment…" })).ToBeVisibleAsync();
        var paymentId = await WaitForAsync(async () =>
        {
            await using var db = fixture.Database.CreateDbContext();
            return await db.Payments.Where(p => p.CheckoutId == checkout.Id && p.Step == PaymentStep.OrderSent)
                .Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        });
        await WaitForAsync(async () =>
        {
            await using var bank = OpenBank();
            return await bank.Orders.AnyAsync(o => o.OrderId == paymentId && o.Status == BankOrderStatus.Settled) ? (Guid?)paymentId : null;
        });

        fixture.A.Kill();

        // The page's circuit died with A: it reconnects through nginx, which now sends it to B; B does not know the circuit,
        // so the page loads itself again from B, which shows the saved state and, once its reconciler has asked the bank,
        // the result. Reconnecting backs off, and B waits out A's lease and the reconcile delay: up to half a minute.
        await Expect(page.SuccessHeading).ToBeVisibleAsync(new() { Timeout = 45_000 });
        Assert.False(await page.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Pay" }).IsVisibleAsync());

        await using (var db = fixture.Database.CreateDbContext())
        {
            var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId);
            Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        }
        await using var books = OpenBank();
        Assert.Equal(1, await books.LedgerTransactions.CountAsync(t => t.Reference == paymentId.ToString()));
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.TestPaths.Artifacts, "instances-a-killed-paid-through-b.png"), FullPage = true });
    }

    private SandboxBankDbContext OpenBank() => new(new DbContextOptionsBuilder<SandboxBankDbContext>()
        .UseSqlite($"Data Source={fixture.Bank.DatabaseFile};Pooling=False").Options);

    private static async Task<Guid> WaitForAsync(Func<Task<Guid?>> probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The payment never reached the state the test waits for.");
    }
}
