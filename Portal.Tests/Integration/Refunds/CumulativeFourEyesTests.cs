using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration.Api;

namespace Portal.Tests.Integration.Refunds;

/// <summary>
/// The attacker splits a large refund into small ones, on one payment or across many, one after the other or all at
/// once: through the real flow, rail and bank on a real database, what goes through without a second approver never
/// adds up to more than the threshold (the demo merchant's 1,000.00). Each test refunds as staff of its own, so that
/// one test's refunds of the day do not count in another's.
/// </summary>
public abstract class CumulativeFourEyesTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    private const long ThresholdMinorUnits = 1_000_00;

    private IServiceProvider Services => fixture.App.Services;

    private RefundFlow Refunds => Services.GetRequiredService<RefundFlow>();

    [Fact]
    public async Task FiveRefundsOfAThousandOnOnePayment_FromTheSecondOnTheyWaitForApproval()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 5_000.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var owner = await DemoPayments.StaffAsync(Services, StaffRole.Owner);

        var refunds = new List<RefundSnapshot>();
        for (var i = 0; i < 5; i++)
        {
            // Two people take turns, so that only the payment's total can be what stops them.
            refunds.Add(await Refunds.RequestAsync(i % 2 == 0 ? manager : owner, payment.PaymentId,
                new RefundRequest("1000.00", RefundReason.RequestedByCustomer, null, Guid.NewGuid().ToString("N"))));
        }

        Assert.Equal(RefundStatus.Succeeded, refunds[0].Status);
        Assert.All(refunds.Skip(1), r => Assert.Equal(RefundStatus.PendingApproval, r.Status));
        Assert.Equal("This payment's refunds would total CNY 2,000.00, above the CNY 1,000.00 threshold.", refunds[1].ApprovalReason);
        Assert.Equal(1_000_00, await BankBook.BalanceAsync(Services, payer) - (10_000_00 - 5_000_00));
    }

    [Fact]
    public async Task TenParallelRefundsOnOnePayment_OnlyWhatFitsUnderTheThresholdGoesThroughAtOnce()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 2_000.00m);
        var staff = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => DemoPayments.StaffAsync(Services, StaffRole.Manager)));

        var refunds = await Task.WhenAll(staff.Select(actor => Refunds.RequestAsync(actor, payment.PaymentId,
            new RefundRequest("200.00", RefundReason.RequestedByCustomer, null, Guid.NewGuid().ToString("N")))));

        Assert.Equal(5, refunds.Count(r => !r.NeedsApproval));
        Assert.Equal(5, refunds.Count(r => r.Status == RefundStatus.PendingApproval));
        Assert.Equal(ThresholdMinorUnits, (await DemoPayments.ReloadAsync(Services, payment.PaymentId)).RefundedMinorUnits);
    }

    [Fact]
    public async Task OneManagersRefundsAcrossPayments_TheOneThatCrossesTheThresholdWaitsAndSaysWhy()
    {
        var first = await DemoPayments.PaidAsync(Services, 600.00m);
        var second = await DemoPayments.PaidAsync(Services, 600.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var within = await Refunds.RequestAsync(manager, first.Payment.PaymentId, Full("a"));
        var crossing = await Refunds.RequestAsync(manager, second.Payment.PaymentId, Full("b"));

        Assert.Equal(RefundStatus.Succeeded, within.Status);
        Assert.Equal(RefundStatus.PendingApproval, crossing.Status);
        Assert.Equal("Test Manager's refunds today would total CNY 1,200.00, above the CNY 1,000.00 threshold.", crossing.ApprovalReason);
        Assert.Equal(0, await BankBook.BalanceAsync(Services, second.Payer) - (10_000_00 - 600_00));
    }

    [Fact]
    public async Task TenParallelRefundsByOneManagerAcrossPayments_OnlyWhatFitsUnderTheThresholdGoesThroughAtOnce()
    {
        var payments = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            payments.Add((await DemoPayments.PaidAsync(Services, 200.00m)).Payment.PaymentId);
        }
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var refunds = await Task.WhenAll(payments.Select((id, i) => Refunds.RequestAsync(manager, id, Full($"p{i}"))));

        Assert.Equal(5, refunds.Count(r => !r.NeedsApproval));
        Assert.All(refunds.Where(r => r.NeedsApproval), r => Assert.Contains("refunds today would total", r.ApprovalReason));
        long refunded = 0;
        foreach (var id in payments)
        {
            refunded += (await DemoPayments.ReloadAsync(Services, id)).RefundedMinorUnits;
        }
        Assert.Equal(ThresholdMinorUnits, refunded);
    }

    [Fact]
    public async Task OneApiKeysRefundsAcrossPayments_CountLikeAStaffMembers()
    {
        using var key = ApiKeyIssuer.Client(fixture.App, await ApiKeyIssuer.IssueAsync(fixture.App, name: "Splitter"));
        var first = await DemoPayments.PaidAsync(Services, 600.00m);
        var second = await DemoPayments.PaidAsync(Services, 600.00m);

        using var within = await ApiCalls.PostAsync(key, $"api/v1/payments/{first.Payment.PaymentId}/refunds", "{}", Guid.NewGuid().ToString());
        using var crossing = await ApiCalls.PostAsync(key, $"api/v1/payments/{second.Payment.PaymentId}/refunds", "{}", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, within.StatusCode);
        Assert.Equal("succeeded", (await ApiCalls.JsonAsync(within)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, crossing.StatusCode);
        var pending = await ApiCalls.JsonAsync(crossing);
        Assert.Equal("pending_approval", pending.GetProperty("status").GetString());
        Assert.Equal("API key \"Splitter\"'s refunds today would total CNY 1,200.00, above the CNY 1,000.00 threshold.",
            pending.GetProperty("approvalReason").GetString());
    }

    [Fact]
    public async Task RejectedRefund_DoesNotCountTowardThePaymentsTotal()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 2_000.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var owner = await DemoPayments.StaffAsync(Services, StaffRole.Owner);
        var large = await Refunds.RequestAsync(manager, payment.PaymentId,
            new RefundRequest("1500.00", RefundReason.RequestedByCustomer, null, "large"));
        await Refunds.RejectAsync(owner, large.RefundId, "Not agreed");

        var small = await Refunds.RequestAsync(owner, payment.PaymentId,
            new RefundRequest("500.00", RefundReason.RequestedByCustomer, null, "small"));

        Assert.Equal(RefundStatus.Succeeded, small.Status);
    }

    private static RefundRequest Full(string key) => new(null, RefundReason.RequestedByCustomer, null, $"{key}-{Guid.NewGuid():N}");
}

public sealed class CumulativeFourEyesOnSqliteTests(ApiFixture<OnSqlite> fixture) : CumulativeFourEyesTests<OnSqlite>(fixture);

public sealed class CumulativeFourEyesOnPostgresTests(ApiFixture<OnPostgres> fixture) : CumulativeFourEyesTests<OnPostgres>(fixture);
