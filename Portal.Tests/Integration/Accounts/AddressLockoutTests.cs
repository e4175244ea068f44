using System.Net;
using Portal.Domain.Merchants;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// Failed sign-ins counted by client address (limit 5 here) beside Identity's per-account lockout (3 here): the
/// attacker sprays one password over many accounts, or many addresses over one.
/// </summary>
public sealed class AddressLockoutTests(StaffAuthApp fixture) : IClassFixture<StaffAuthApp>
{
    private const string Refusal = "Too many failed sign-ins from your network. Try again in 15 minutes.";

    [Fact]
    public async Task SignIn_OnePasswordSprayedOverManyAccounts_AddressIsStoppedAfterFiveAndChecksNoMorePasswords()
    {
        var accounts = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            accounts.Add(await fixture.NewStaffAsync("spray"));
        }
        using var attacker = fixture.ClientAt("203.0.113.50");

        var pages = new List<string>();
        foreach (var email in accounts)
        {
            using var answer = await StaffAuthApp.SignInAsync(attacker, email, "Summer!Guess2026");
            pages.Add(await answer.Content.ReadAsStringAsync());
        }

        Assert.All(pages.Take(5), page => Assert.Contains("The email or password is not correct", page, StringComparison.Ordinal));
        Assert.All(pages.Skip(5), page => Assert.Contains(Refusal, page, StringComparison.Ordinal));
        // Past the limit no password was checked: those accounts counted no failure.
        foreach (var email in accounts.Skip(5))
        {
            Assert.Equal(0, (await fixture.UserAsync(email)).AccessFailedCount);
        }
    }

    [Fact]
    public async Task SignIn_AddressStopped_RightPasswordFromItIsRefusedToo()
    {
        var email = await fixture.NewStaffAsync("right");
        using var attacker = fixture.ClientAt("203.0.113.60");
        for (var i = 0; i < 5; i++)
        {
            using var _ = await StaffAuthApp.SignInAsync(attacker, $"nobody{i}@shop.example", "Summer!Guess2026");
        }

        using var answer = await StaffAuthApp.SignInAsync(attacker, email, StaffAuthApp.Password);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(Refusal, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_SprayedAccounts_StillSignInFromAnotherAddress()
    {
        var accounts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            accounts.Add(await fixture.NewStaffAsync("other"));
        }
        using (var attacker = fixture.ClientAt("203.0.113.70"))
        {
            foreach (var email in accounts)
            {
                using var _ = await StaffAuthApp.SignInAsync(attacker, email, "Summer!Guess2026");
            }
        }

        foreach (var email in accounts)
        {
            using var owner = fixture.ClientAt("198.51.100.7");
            using var answer = await StaffAuthApp.SignInAsync(owner, email, StaffAuthApp.Password);
            Assert.Equal("/admin", StaffAuthApp.RedirectPath(answer));
        }
    }

    [Fact]
    public async Task SignIn_WrongPasswordsFromManyAddresses_AccountLockStillHolds()
    {
        var email = await fixture.NewStaffAsync("acct", StaffRole.Manager);
        for (var i = 0; i < 3; i++)
        {
            using var guesser = fixture.ClientAt($"192.0.2.{10 + i}");
            using var _ = await StaffAuthApp.SignInAsync(guesser, email, "Summer!Guess2026");
        }

        using var member = fixture.ClientAt("198.51.100.8");
        using var answer = await StaffAuthApp.SignInAsync(member, email, StaffAuthApp.Password);

        Assert.Equal("/Account/Lockout", StaffAuthApp.RedirectPath(answer));
    }
}
