using Portal.Admin.Payments;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Tests.Components.Admin;

/// <summary>Payment details with valid defaults: a CNY 88.00 real-time payment that has completed the steps asked for.</summary>
internal sealed class PaymentDetailBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private readonly List<PaymentStepTime> _steps = [new(PaymentStep.MethodChosen, Start)];
    private PaymentStatus _status = PaymentStatus.Started;
    private PaymentStep? _failedAt;
    private DateTimeOffset? _failedAtTime;
    private string? _failureCode;
    private string? _failureMessage;

    /// <summary>Completes the next steps, each this many milliseconds after the one before.</summary>
    public PaymentDetailBuilder Through(PaymentStep last, int millisecondsApart = 250)
    {
        var at = _steps[^1].At;
        for (var step = _steps[^1].Step + 1; step <= last; step++)
        {
            at = at.AddMilliseconds(millisecondsApart);
            _steps.Add(new PaymentStepTime(step, at));
        }
        _status = last >= PaymentStep.PayeeProcessed ? PaymentStatus.Succeeded
            : last >= PaymentStep.OrderCreated ? PaymentStatus.Processing
            : PaymentStatus.Started;
        return this;
    }

    public PaymentDetailBuilder FailedAt(PaymentStep step, string code, string message, int millisecondsLater = 400)
    {
        _status = PaymentStatus.Failed;
        _failedAt = step;
        _failedAtTime = _steps[^1].At.AddMilliseconds(millisecondsLater);
        _failureCode = code;
        _failureMessage = message;
        return this;
    }

    public PaymentDetail Build()
    {
        var amount = Money.Of(88.00m, "CNY");
        var processed = _steps.FirstOrDefault(s => s.Step == PaymentStep.PayeeProcessed)?.At;
        var duration = processed - Start;
        decimal? speed = duration is { } d ? decimal.Round((decimal)d.TotalSeconds / amount.Amount * 100m, 4) : null;
        return new PaymentDetail(Guid.CreateVersion7(), amount, PaymentMethod.RealTime, _status, "6200 •••• 0001", _steps.ToArray(),
            _failedAt, _failedAtTime, _failureCode, _failureMessage, duration, speed, "A pot of Longjing tea", "DEMO-0001",
            "abcdefghijklmnopqrstuvwxyz0", _steps.Count);
    }
}
