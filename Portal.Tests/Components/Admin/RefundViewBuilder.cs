using Portal.Admin.Refunds;
using Portal.Domain.Common;
using Portal.Domain.Refunds;

namespace Portal.Tests.Components.Admin;

/// <summary>Refunds as staff see them, with valid defaults: a CNY 1,200.00 refund requested by someone else, awaiting approval.</summary>
internal sealed class RefundViewBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private readonly List<RefundStepTime> _steps = [new(RefundStep.Requested, Start)];
    private RefundStatus _status = RefundStatus.PendingApproval;
    private bool _ownRequest;
    private bool _canDecide = true;
    private string? _rejectedBy;
    private DateTimeOffset? _rejectedAt;
    private DateTimeOffset? _failedAt;
    private string? _failureCode;
    private string? _failureMessage;

    /// <summary>The viewer asked for it: they may not decide on it.</summary>
    public RefundViewBuilder RequestedByViewer()
    {
        _ownRequest = true;
        _canDecide = false;
        return this;
    }

    /// <summary>A viewer (or another role) who may not decide.</summary>
    public RefundViewBuilder NotDecidable()
    {
        _canDecide = false;
        return this;
    }

    /// <summary>Approved and through the steps up to <paramref name="last"/>, 100 ms apart.</summary>
    public RefundViewBuilder Through(RefundStep last)
    {
        var at = _steps[^1].At;
        for (var step = _steps[^1].Step + 1; step <= last; step++)
        {
            at = at.AddMilliseconds(100);
            _steps.Add(new RefundStepTime(step, at));
        }
        _status = last >= RefundStep.Processed ? RefundStatus.Succeeded : RefundStatus.Processing;
        _canDecide = false;
        return this;
    }

    public RefundViewBuilder Rejected()
    {
        _status = RefundStatus.Rejected;
        _rejectedBy = "Olivia Owner";
        _rejectedAt = Start.AddMinutes(5);
        _canDecide = false;
        return this;
    }

    public RefundViewBuilder Failed(string code, string message)
    {
        _status = RefundStatus.Failed;
        _failedAt = _steps[^1].At.AddMilliseconds(300);
        _failureCode = code;
        _failureMessage = message;
        return this;
    }

    public RefundView Build() => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), Money.Of(1_200m, "CNY"), _status, _steps[^1].Step, _steps.ToArray(),
        RefundReason.Returned, "Returned in full", NeedsApproval: true, "Marco Manager", Start,
        _steps.Count > 1 ? "Olivia Owner" : null, _steps.Count > 1 ? _steps[1].At : null, _rejectedBy, _rejectedAt,
        _failedAt, _failureCode, _failureMessage, _ownRequest, _canDecide, Version: _steps.Count);
}
