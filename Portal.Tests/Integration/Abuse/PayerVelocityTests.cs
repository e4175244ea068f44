using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Abuse;
using Portal.Domain.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Abuse;

/// <summary>
/// The circuit side's limits in the real app (its buckets, its settings): one payer account tried from many addresses
/// is held per account; one address trying many accounts is held per address; a customer paying as people do is not.
/// </summary>
public sealed class PayerVelocityTests : IAsyncLifetime
{
    private const int AddressBurst = 2;
    private const int AccountBurst = 3;

    private readonly PortalApp _app = new(new Dictionary<string, string?>
    {
        ["VelocityLimits:PayPerAddress:Burst"] = AddressBurst.ToString(CultureInfo.InvariantCulture),
        ["VelocityLimits:PayPerAddress:Every"] = "01:00:00",
        ["VelocityLimits:PayPerAccount:Burst"] = AccountBurst.ToString(CultureInfo.InvariantCulture),
        ["VelocityLimits:PayPerAccount:Every"] = "01:00:00",
    });

    private VelocityLimits Limits => _app.Services.GetRequiredService<VelocityLimits>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TryPay_OneAccountFromManyAddresses_IsHeldPerAccount()
    {
        var account = AccountNumber.Parse("6200000000000101");
        var verdicts = new List<VelocityVerdict>();

        for (var i = 0; i <= AccountBurst; i++)
        {
            verdicts.Add(await Limits.TryPayAsync($"203.0.113.{i + 1}", account));
        }

        Assert.All(verdicts.Take(AccountBurst), v => Assert.True(v.IsAllowed));
        var held = verdicts[^1];
        Assert.False(held.IsAllowed);
        Assert.True(held.ByAccount);
        Assert.InRange(held.RetryAfterSeconds, 1, 3600);
        // The same address with another account is not held: the limit was the account's.
        Assert.True((await Limits.TryPayAsync($"203.0.113.{AccountBurst + 1}", AccountNumber.Parse("6200000000000102"))).IsAllowed);
    }

    [Fact]
    public async Task TryPay_ManyAccountsFromOneAddress_IsHeldPerAddress()
    {
        var verdicts = new List<VelocityVerdict>();

        for (var i = 0; i <= AddressBurst; i++)
        {
            verdicts.Add(await Limits.TryPayAsync("203.0.113.50", AccountNumber.Parse($"62000000000002{i:00}")));
        }

        Assert.All(verdicts.Take(AddressBurst), v => Assert.True(v.IsAllowed));
        Assert.False(verdicts[^1].IsAllowed);
        Assert.False(verdicts[^1].ByAccount);
        Assert.True((await Limits.TryPayAsync("203.0.113.51", AccountNumber.Parse("6200000000000299"))).IsAllowed);
    }

    [Fact]
    public void AccountKey_NeverHoldsTheAccountNumber()
    {
        var account = AccountNumber.Parse("6200000000000001");

        var key = VelocityLimits.AccountKey(account);

        Assert.DoesNotContain("6200000000000001", key, StringComparison.Ordinal);
        Assert.DoesNotContain("0001", key, StringComparison.Ordinal);
        Assert.Equal(key, VelocityLimits.AccountKey(AccountNumber.Parse("6200 0000 0000 0001")));
    }

    [Fact]
    public async Task Customer_DefaultLimits_ChoosesPaysAndRetriesUnheld()
    {
        // The shipped defaults, not the tests' generous ones: a customer who switches method twice, mistypes the PIN
        // twice and pays, then buys again at the store counter.
        var defaults = new VelocityOptions();
        await using var app = new PortalApp(defaults.GetType().GetProperties()
            .Where(p => p.PropertyType == typeof(VelocityLimit))
            .SelectMany(p => new[]
            {
                KeyValuePair.Create($"VelocityLimits:{p.Name}:Burst", (string?)((VelocityLimit)p.GetValue(defaults)!).Burst.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create($"VelocityLimits:{p.Name}:Every", (string?)((VelocityLimit)p.GetValue(defaults)!).Every.ToString("c")),
            }).ToDictionary());
        var limits = app.Services.GetRequiredService<VelocityLimits>();
        var account = AccountNumber.Parse("6200000000000001");

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limits.TryChooseMethodAsync("192.0.2.7")).IsAllowed);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limits.TryPayAsync("192.0.2.7", account)).IsAllowed);
        }
        Assert.True((await limits.TryChooseMethodAsync("192.0.2.7")).IsAllowed);
        Assert.True((await limits.TryPayAsync("192.0.2.7", account)).IsAllowed);
    }

    [Theory]
    [InlineData("Burst", "0")]
    [InlineData("Every", "00:00:00")]
    [InlineData("Every", "2.00:00:00")]
    public async Task Settings_OutOfRange_AreRefusedWithTheSettingsName(string field, string value)
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { [$"VelocityLimits:PayPerAccount:{field}"] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<VelocityOptions>>().Value);

        Assert.Contains("VelocityLimits", refused.Message, StringComparison.Ordinal);
    }
}
