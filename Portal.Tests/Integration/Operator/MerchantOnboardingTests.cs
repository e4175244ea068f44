using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Addresses;
using Portal.Domain.Common;
using Portal.Identity;
using Portal.Operator;
using Portal.SandboxBank;
using Portal.Tests.Integration.Sandbox;

namespace Portal.Tests.Integration.Operator;

/// <summary>
/// The operator creates a merchant; its settlement account is opened at the bank through the rail's signed API. The bank
/// runs alone here, so nothing but that API could have opened it.
/// </summary>
public sealed class MerchantOnboardingTests(StandaloneBankFixture fixture) : IClassFixture<StandaloneBankFixture>
{
    [Fact]
    public async Task CreateAsync_NewSettlementAccount_OpenedAtTheBankThroughTheRail()
    {
        var account = NewAccountNumber();

        await CreateMerchantAsync(account);

        await using var bank = fixture.OpenBankDatabase();
        var opened = await bank.Accounts.AsNoTracking().SingleAsync(a => a.Number == account);
        Assert.Equal((BankAccountKind.Merchant, "CNY", 0L), (opened.Kind, opened.CurrencyCode, opened.BalanceMinorUnits));
    }

    [Fact]
    public async Task CreateAsync_AccountIsAPayerAtTheBank_IsRefusedAndNothingSaved()
    {
        var invalid = await Assert.ThrowsAsync<DomainValidationException>(() => CreateMerchantAsync("6200000000000002"));

        Assert.Equal(["This account exists at the bank but is not a merchant account in CNY."],
            invalid.Errors[nameof(NewMerchantModel.SettlementAccount)]);
    }

    private async Task CreateMerchantAsync(string settlementAccount)
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var onboarding = ActivatorUtilities.CreateInstance<MerchantOnboarding>(scope.ServiceProvider, new SignedInOperator());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await onboarding.CreateAsync(new NewMerchantModel
        {
            Name = $"Shop {suffix}",
            City = "Shanghai",
            CurrencyCode = "CNY",
            SettlementAccount = settlementAccount,
            OwnerEmail = $"owner-{suffix}@shop.example",
        }, new PublicLinks(fixture.Portal.BaseAddress));
    }

    private static string NewAccountNumber() => $"88000000{Random.Shared.NextInt64(10_000_000, 99_999_999)}";

    private sealed class SignedInOperator : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Email, "operator@demo.test"),
                new Claim(PortalClaims.Operator, "true"),
            ], "Test"))));
    }
}
