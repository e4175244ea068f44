using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Api.Keys;
using Portal.Api.Resources;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Api.Documentation;

/// <summary>
/// The examples in the OpenAPI document. Answers are built from the resource records the endpoints return and
/// serialized with the API's own JSON options, so an example cannot drift from the shape a client receives.
/// </summary>
internal static class ApiExamples
{
    private static readonly Guid CheckoutId = Guid.Parse("0193a1b2-7c4d-7e21-9a3b-5f6e7d8c9b01");
    private static readonly Guid PaymentId = Guid.Parse("0193a1b4-18e2-7f03-8c5d-2b1a0e9f8d72");
    private static readonly Guid RefundId = Guid.Parse("0193a1c9-44a1-7b6e-b2c7-9d8e7f6a5b43");
    private static readonly Guid KeyId = Guid.Parse("0193a19f-02b3-7c4d-8e5f-6a7b8c9d0e1f");
    private static readonly Guid MerchantId = Guid.Parse("0193a100-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Uri PayUrl = new("https://portal.example/pay/q8Zr2kXw4mN7pL1vB5cD9fGh");

    public static JsonNode CreateCheckoutRequest => Node(new
    {
        amount = "150.00",
        currency = "CNY",
        description = "Order 1001",
        reference = "1001",
        returnUrl = "https://shop.example/orders/1001",
        expiresAt = Created.AddDays(1),
        methods = new[] { PaymentMethod.RealTime, PaymentMethod.Fast },
        metadata = new Dictionary<string, string> { ["orderId"] = "1001" },
    });

    public static JsonNode CreateRefundRequest => Node(new
    {
        amount = "10.00",
        reason = RefundReason.RequestedByCustomer,
        note = "One cup arrived broken.",
    });

    public static JsonNode Checkout => Node(OpenCheckout());

    public static JsonNode CheckoutList => List([OpenCheckout(), PaidCheckout()]);

    public static JsonNode Payment => Node(SucceededPayment());

    public static JsonNode CrossBorderPayment => Node(CrossBorderPaymentResource());

    public static JsonNode PaymentList => List([CrossBorderPaymentResource(), SucceededPayment(), FailedPayment()]);

    public static JsonNode Refund => Node(SucceededRefund());

    /// <summary>A part of the cross-border payment refunded: the payer gets their share of the USD they paid, at the payment's rate.</summary>
    public static JsonNode CrossBorderRefund => Node(SucceededRefund() with
    {
        Id = Guid.Parse("0193a1ca-55b2-7c7f-83d8-0e9f8a7b6c54"),
        PaymentId = Guid.Parse("0193a1b6-2f3e-7a4b-9c5d-6e7f8a9b0c1d"),
        Amount = "50.00",
        PayerAmount = "7.04",
        PayerCurrency = "USD",
    });

    public static JsonNode Key => Node(new KeyInfoResource(KeyId, "api_key", "Web shop", MerchantId, ["checkouts:write", "payments:read"]));

    public static JsonNode Problem(int status, string code, string title, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Node(new ApiProblem(TypeOf(status), title, status, code, errors, TraceId: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

    private static CheckoutResource OpenCheckout() => new(
        CheckoutId, "checkout", CheckoutStatus.Open, false, "150.00", "CNY", "Order 1001", "1001", "https://shop.example/orders/1001",
        [PaymentMethod.RealTime, PaymentMethod.Fast], new Dictionary<string, string> { ["orderId"] = "1001" },
        PayUrl, new Uri(PayUrl + "/qr.svg"), Created, Created.AddDays(1), null, null);

    private static CheckoutResource PaidCheckout() => OpenCheckout() with
    {
        Id = Guid.Parse("0193a0f1-5a6b-7c8d-9e0f-1a2b3c4d5e6f"),
        Status = CheckoutStatus.Paid,
        Amount = "88.00",
        Description = "Order 1000",
        Reference = "1000",
        ReturnUrl = "https://shop.example/orders/1000",
        Metadata = new Dictionary<string, string> { ["orderId"] = "1000" },
        CreatedAt = Created.AddHours(-2),
        ExpiresAt = Created.AddHours(22),
        PaidAt = Created.AddHours(-2).AddMinutes(3),
        PaymentId = Guid.Parse("0193a0f3-7b8c-7d9e-8f0a-1b2c3d4e5f60"),
    };

    private static PaymentResource SucceededPayment()
    {
        var start = Created.AddMinutes(2);
        double[] offsets = [0, 21.4, 21.43, 21.46, 21.71, 21.98, 22.01];
        var steps = Enum.GetValues<PaymentStep>()
            .Select((step, i) => new StepResource((int)step, StepNames.Of(step), start.AddSeconds(offsets[i])))
            .ToList();
        return new PaymentResource(PaymentId, "payment", CheckoutId, "1001", PaymentStatus.Succeeded, PaymentMethod.RealTime,
            "150.00", "CNY", "10.00", "•••• 4821", steps, 21.980m, 14.6533m, null, start);
    }

    // A US payer's card-less bank account pays the CNY checkout in USD: 150.00 CNY × 0.139863 = 20.97945, rounded once to
    // 20.98 USD, plus the bank's 0.15 USD fee.
    private static PaymentResource CrossBorderPaymentResource()
    {
        var start = Created.AddMinutes(5);
        return SucceededPayment() with
        {
            Id = Guid.Parse("0193a1b6-2f3e-7a4b-9c5d-6e7f8a9b0c1d"),
            PayerAccount = "•••• 0001",
            Steps = SucceededPayment().Steps.Select(s => s with { At = s.At?.AddMinutes(3) }).ToList(),
            CreatedAt = start,
            Conversion = new ConversionResource("USD", "21.13", "0.15", "0.139863", "fxq_01JD8Z6K4W3M2N1P0QRSTVWXYZ", start.AddSeconds(9)),
        };
    }

    private static PaymentResource FailedPayment()
    {
        var start = Created.AddMinutes(1);
        var steps = Enum.GetValues<PaymentStep>()
            .Select(step => new StepResource((int)step, StepNames.Of(step), start.AddSeconds((int)step * 0.3)))
            .ToList();
        return new PaymentResource(Guid.Parse("0193a1b3-0c1d-7e2f-9a3b-4c5d6e7f8a90"), "payment", CheckoutId, "1001",
            PaymentStatus.Failed, PaymentMethod.RealTime, "150.00", "CNY", "0.00", "•••• 0007", steps, null, null,
            new FailureResource("AM04", "The account does not have enough money for this payment.", (int)PaymentStep.PayeeProcessed), start);
    }

    private static RefundResource SucceededRefund()
    {
        var start = Created.AddHours(1);
        var steps = Enum.GetValues<RefundStep>()
            .Select((step, i) => new StepResource((int)step, StepNames.Of(step), start.AddSeconds(i * 0.2)))
            .ToList();
        return new RefundResource(RefundId, "refund", PaymentId, RefundStatus.Succeeded, "10.00", "CNY",
            RefundReason.RequestedByCustomer, "One cup arrived broken.", false, null, steps, null, start);
    }

    private static JsonNode List<T>(IReadOnlyList<T> data) => Node(new
    {
        @object = "list",
        data,
        hasMore = true,
        nextCursor = "eyJ0IjoxNzY0MDY0ODAwMDAwLCJpZCI6IjAxOTNhMGYxIn0",
    });

    private static JsonNode Node<T>(T value) => JsonSerializer.SerializeToNode(value, ApiJson.Options)!;

    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        422 => "https://tools.ietf.org/html/rfc4918#section-11.2",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
