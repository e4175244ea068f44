using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Admin.Refunds;
using Portal.Domain.Common;
using Portal.Domain.Refunds;

namespace Portal.Tests.Components.Admin;

public sealed class RefundDialogTests : AdminComponentTest
{
    private static readonly Money Refundable = Money.Of(1_500m, "CNY");
    private static readonly Money Threshold = Money.Of(1_000m, "CNY");

    private readonly List<RefundRequest> _submitted = [];

    [Fact]
    public async Task Open_Refundable_DefaultsAmountToIt()
    {
        var (provider, _) = await OpenAsync(Accept);

        Assert.Equal("1500.00", provider.Find("#refund-amount").GetAttribute("value"));
    }

    [Fact]
    public async Task Submit_DomainRefuses_ShowsEachMessageBesideItsField()
    {
        var (provider, _) = await OpenAsync(_ => throw new DomainValidationException(new Dictionary<string, string[]>
        {
            [nameof(Refund.Amount)] = ["At most 1500.00 CNY can still be refunded."],
            [nameof(Refund.Reason)] = ["Choose a reason."],
            [nameof(Refund.Note)] = ["Say why, when the reason is Other."],
        }));

        await ClickRefundAsync(provider);

        Assert.StartsWith("At most 1500.00 CNY can still be refunded.", HelperTextOf(provider, "Amount"));
        Assert.StartsWith("Choose a reason.", HelperTextOf(provider, "Reason"));
        Assert.StartsWith("Say why, when the reason is Other.", HelperTextOf(provider, "Note"));
    }

    [Fact]
    public async Task Submit_DomainRefuses_StaysOpen()
    {
        var (provider, dialog) = await OpenAsync(_ => throw new DomainValidationException(nameof(Refund.Amount), "A refund is more than zero."));

        await ClickRefundAsync(provider);

        Assert.False(dialog.Result.IsCompleted);
        Assert.NotEmpty(provider.FindAll(".refund-dialog"));
    }

    [Fact]
    public async Task Submit_Forbidden_ShowsTheMessageAboveTheForm()
    {
        var (provider, _) = await OpenAsync(_ => throw new ForbiddenException("Only a Manager or Owner can refund payments."));

        await ClickRefundAsync(provider);

        Assert.Equal("Only a Manager or Owner can refund payments.", provider.Find(".general-error").TextContent.Trim());
    }

    [Fact]
    public async Task Submit_WhileAsking_DisablesRefundSoADoubleClickAsksOnce()
    {
        var answer = new TaskCompletionSource<RefundSnapshot>();
        var (provider, _) = await OpenAsync(request =>
        {
            _submitted.Add(request);
            return answer.Task;
        });

        _ = ClickRefundAsync(provider); // not awaited: the bank has not answered yet

        var button = provider.FindAll(".refund-dialog button").Last();
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("Refunding…", button.TextContent.Trim());
        Assert.Single(_submitted);
    }

    [Fact]
    public async Task Submit_RetryAfterRefusal_KeepsTheIdempotencyKey()
    {
        var first = true;
        var (provider, _) = await OpenAsync(request =>
        {
            _submitted.Add(request);
            if (first)
            {
                first = false;
                throw new DomainValidationException(nameof(Refund.Amount), "A refund is more than zero.");
            }
            return Accept(request);
        });

        await ClickRefundAsync(provider);
        await ClickRefundAsync(provider);

        Assert.Equal(2, _submitted.Count);
        Assert.Equal(_submitted[0].IdempotencyKey, _submitted[1].IdempotencyKey);
    }

    [Fact]
    public async Task Open_TwoOpenings_UseTwoIdempotencyKeys()
    {
        var (first, _) = await OpenAsync(Record);
        await ClickRefundAsync(first);
        var (second, _) = await OpenAsync(Record);
        await ClickRefundAsync(second);

        Assert.Equal(2, _submitted.Count);
        Assert.NotEqual(_submitted[0].IdempotencyKey, _submitted[1].IdempotencyKey);
    }

    [Fact]
    public async Task Submit_Accepted_ClosesWithTheRefund()
    {
        var (provider, dialog) = await OpenAsync(Accept);

        await ClickRefundAsync(provider);

        var result = await dialog.Result;
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.IsType<RefundSnapshot>(result.Data);
    }

    [Fact]
    public async Task Amount_AboveThreshold_SaysItWaitsForSecondApprover()
    {
        var (provider, _) = await OpenAsync(Accept);

        await provider.Find("#refund-amount").InputAsync(new ChangeEventArgs { Value = "1000.01" });

        Assert.Contains("waits until a second Manager or Owner approves it", provider.Find(".threshold").TextContent);
    }

    [Fact]
    public async Task Amount_AtThreshold_OnlyExplainsTheRule()
    {
        var (provider, _) = await OpenAsync(Accept);

        await provider.Find("#refund-amount").InputAsync(new ChangeEventArgs { Value = "1000.00" });

        Assert.Contains("Refunds above CNY 1,000.00 need a second Manager or Owner", provider.Find(".threshold").TextContent);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(
        Func<RefundRequest, Task<RefundSnapshot>> submit)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<RefundDialog>
        {
            { d => d.Refundable, Refundable },
            { d => d.Threshold, Threshold },
            { d => d.Submit, submit },
        };
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<RefundDialog>("Refund", parameters));
        return (provider, dialog);
    }

    private Task<RefundSnapshot> Record(RefundRequest request)
    {
        _submitted.Add(request);
        return Accept(request);
    }

    private static Task<RefundSnapshot> Accept(RefundRequest request) => Task.FromResult(new RefundSnapshot(
        Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), 120_000, "CNY",
        RefundStatus.PendingApproval, RefundStep.Requested, [new RefundStepTime(RefundStep.Requested, DateTimeOffset.UnixEpoch)],
        request.Reason, request.Note, true, "Marco Manager", null, null, null, null, null, 1));

    private static Task ClickRefundAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.FindAll(".refund-dialog button").Last(b => b.TextContent.Trim() is "Refund" or "Refunding…").ClickAsync(new MouseEventArgs());

    // The helper line under a field: its error when it has one (a note's line also carries the character counter).
    private static string HelperTextOf(IRenderedComponent<MudDialogProvider> provider, string label)
    {
        var control = provider.FindAll(".refund-dialog .mud-input-control")
            .Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);
        return control.QuerySelector(".mud-input-helper-text")!.TextContent.Trim();
    }
}
