using System.Text.Json;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Api.Resources;

/// <summary>Step names as the API writes them: the enum's name in snake_case ("payee_processed").</summary>
internal static class StepNames
{
    public static string Of(PaymentStep step) => JsonNamingPolicy.SnakeCaseLower.ConvertName(step.ToString());

    public static string Of(RefundStep step) => JsonNamingPolicy.SnakeCaseLower.ConvertName(step.ToString());
}
