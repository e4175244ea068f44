using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Domain.Common;
using Portal.Pay;

namespace Portal.Tests.Components.Pay;

public sealed class RealTimeFormTests : PayComponentTest
{
    private static readonly Money Amount = Money.Of(12.34m, "CNY");

    // Live on a circuit, as a customer uses it; before that the form sends nothing (see the last test).
    public RealTimeFormTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public async Task Submit_TypedDetails_AreHandedToOnPay()
    {
        PayerInput? received = null;
        var cut = Render<RealTimeForm>(p => p
            .Add(c => c.Amount, Amount)
            .Add(c => c.OnPay, (PayerInput input) => received = input));

        await cut.Find("#co-account").ChangeAsync(new ChangeEventArgs { Value = "6200000000000001" });
        await cut.Find("#co-pin").ChangeAsync(new ChangeEventArgs { Value = "123456" });
        await cut.Find("form").SubmitAsync(EventArgs.Empty);

        Assert.Equal(new PayerInput("6200000000000001", "123456"), received);
    }

    [Fact]
    public async Task Submit_AfterSending_PinFieldIsCleared()
    {
        var cut = Render<RealTimeForm>(p => p.Add(c => c.Amount, Amount).Add(c => c.OnPay, (PayerInput _) => { }));

        await cut.Find("#co-pin").ChangeAsync(new ChangeEventArgs { Value = "123456" });
        await cut.Find("form").SubmitAsync(EventArgs.Empty);

        Assert.Equal("", cut.Find("#co-pin").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Render_Busy_DisablesInputsAndButton()
    {
        var cut = Render<RealTimeForm>(p => p.Add(c => c.Amount, Amount).Add(c => c.Busy, true));

        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
        Assert.True(cut.Find("#co-account").HasAttribute("disabled"));
        Assert.Equal("Paying…", cut.Find("button[type=submit]").TextContent.Trim());
    }

    [Fact]
    public async Task Submit_WhileBusy_DoesNotPay()
    {
        var calls = 0;
        var cut = Render<RealTimeForm>(p => p.Add(c => c.Amount, Amount).Add(c => c.Busy, true).Add(c => c.OnPay, (PayerInput _) => calls++));

        await cut.Find("form").SubmitAsync(EventArgs.Empty);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Render_Errors_ShownBesideTheirFieldsAndMarkedInvalid()
    {
        var cut = Render<RealTimeForm>(p => p
            .Add(c => c.Amount, Amount)
            .Add(c => c.AccountError, "An account number has 12 to 19 digits.")
            .Add(c => c.PinError, "A PIN is six digits."));

        Assert.Equal("An account number has 12 to 19 digits.", cut.Find("#co-account-error").TextContent);
        Assert.Equal("A PIN is six digits.", cut.Find("#co-pin-error").TextContent);
        Assert.Equal("true", cut.Find("#co-pin").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Render_Default_PinIsMaskedAndButtonNamesAmount()
    {
        var cut = Render<RealTimeForm>(p => p.Add(c => c.Amount, Amount));

        Assert.Equal("password", cut.Find("#co-pin").GetAttribute("type"));
        Assert.Contains("CNY 12.34", cut.Find("button[type=submit]").TextContent);
    }

    [Fact]
    public void Render_Prerendered_NoFieldNamesAndSubmitDisabled()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<RealTimeForm>(p => p.Add(c => c.Amount, Amount));

        Assert.False(cut.Find("#co-account").HasAttribute("name"));
        Assert.False(cut.Find("#co-pin").HasAttribute("name"));
        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }
}
