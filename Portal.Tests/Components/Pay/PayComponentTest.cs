using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Payments;

namespace Portal.Tests.Components.Pay;

/// <summary>The base of the checkout components' tests. They use no component library, so a bare context serves.</summary>
public abstract class PayComponentTest : BunitContext
{
    protected PayComponentTest()
    {
        // The real resources: the components' English text is what the tests read.
        Services.AddLocalization();
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en");
    }

    protected static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A payment that reached <paramref name="lastStep"/>, a quarter second per step.</summary>
    protected static PaymentSnapshot Snapshot(PaymentStep lastStep, PaymentStatus status, PaymentStep? failedAt = null,
        string? failureCode = null, string? failureMessage = null) => new(
        Guid.CreateVersion7(),
        Guid.CreateVersion7(),
        Guid.CreateVersion7(),
        "token",
        PaymentMethod.RealTime,
        12_34,
        "CNY",
        status,
        lastStep,
        Enum.GetValues<PaymentStep>().Where(s => s <= lastStep)
            .Select(s => new PaymentStepTime(s, Start.AddMilliseconds(250 * ((int)s - 1)))).ToArray(),
        failedAt,
        failureCode,
        failureMessage,
        "6200 •••• 0001",
        (int)lastStep);
}
