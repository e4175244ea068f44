using Bunit;
using Portal.Admin.Links;
using Portal.Domain.Checkouts;

namespace Portal.Tests.Components.Admin;

public sealed class LinkFormTests : AdminComponentTest
{
    [Fact]
    public void Render_DomainErrors_ShowsEachUnderItsField()
    {
        var errors = new Dictionary<string, string[]>
        {
            [nameof(CheckoutRequest.Amount)] = ["The amount must be greater than zero."],
            [nameof(CheckoutRequest.Description)] = ["Describe what the customer pays for."],
            [nameof(CheckoutRequest.ReturnUrl)] = ["The return URL must be an absolute http or https address."],
        };

        var cut = RenderForm(errors);

        Assert.StartsWith("The amount must be greater than zero.", HelperTextOf(cut, "link-amount"));
        // The description's helper line also carries its character counter.
        Assert.StartsWith("Describe what the customer pays for.", HelperTextOf(cut, "link-description"));
        Assert.StartsWith("The return URL must be an absolute http or https address.", HelperTextOf(cut, "link-return-url"));
    }

    [Fact]
    public void Render_MethodsError_ShowsItUnderTheMethods()
    {
        var errors = new Dictionary<string, string[]> { [nameof(CheckoutRequest.AllowedMethods)] = ["Allow at least one payment method."] };

        var cut = RenderForm(errors);

        Assert.Equal("Allow at least one payment method.", cut.Find(".methods-error").TextContent.Trim());
    }

    [Fact]
    public void Render_NoErrors_MarksNoField()
    {
        var cut = RenderForm(new Dictionary<string, string[]>());

        Assert.Empty(cut.FindAll(".mud-input-error"));
    }

    [Fact]
    public void ToRequest_DefaultModel_AllowsBothMethodsForSevenDays()
    {
        var now = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

        var request = new LinkFormModel { Amount = 12.50m, CurrencyCode = "CNY", Description = "Tea" }.ToRequest(now);

        Assert.Equal(PaymentMethods.All, request.AllowedMethods);
        Assert.Equal(now.AddDays(7), request.ExpiresAt);
    }

    private IRenderedComponent<LinkForm> RenderForm(IReadOnlyDictionary<string, string[]> errors) =>
        Render<LinkForm>(p => p
            .Add(c => c.Model, new LinkFormModel { CurrencyCode = "CNY" })
            .Add(c => c.CurrencyCode, "CNY")
            .Add(c => c.Errors, errors));

    // MudBlazor writes a field's error text into the helper line under the input.
    private static string HelperTextOf(IRenderedComponent<LinkForm> cut, string inputId)
    {
        var control = cut.Find($"#{inputId}").Closest(".mud-input-control")!;
        return control.QuerySelector(".mud-input-helper-text")!.TextContent.Trim();
    }
}
