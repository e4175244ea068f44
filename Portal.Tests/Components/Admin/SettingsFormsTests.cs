using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.Links;
using Portal.Admin.Settings;
using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;

namespace Portal.Tests.Components.Admin;

public sealed class SettingsFormsTests : AdminComponentTest
{
    [Fact]
    public void ProfileForm_MerchantErrors_ShowsEachUnderItsField()
    {
        var errors = new Dictionary<string, string[]>
        {
            [nameof(Merchant.SupportEmail)] = ["Enter an email address such as help@shop.example, or leave it empty."],
            [nameof(Merchant.City)] = ["Write the city in Latin letters (as QR codes carry it), e.g. Shanghai."],
        };

        var cut = Render<ProfileForm>(p => p.Add(c => c.Model, new ProfileSettingsModel()).Add(c => c.Errors, errors));

        var shown = cut.FindAll(".mud-input-helper-text").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Enter an email address such as help@shop.example, or leave it empty.", shown);
        Assert.Contains("Write the city in Latin letters (as QR codes carry it), e.g. Shanghai.", shown);
    }

    [Fact]
    public async Task ProfileForm_Typing_BindsToModel()
    {
        var model = new ProfileSettingsModel { Name = "Demo Shop", City = "Shanghai", CountryCode = "CN" };
        var cut = Render<ProfileForm>(p => p.Add(c => c.Model, model));

        await cut.Find("input[type=email]").ChangeAsync(new ChangeEventArgs { Value = "help@demo.example" });

        Assert.Equal("help@demo.example", model.SupportEmail);
    }

    [Fact]
    public async Task ProfileForm_Save_RaisesOnSave()
    {
        var saved = 0;
        var cut = Render<ProfileForm>(p => p
            .Add(c => c.Model, new ProfileSettingsModel())
            .Add(c => c.OnSave, EventCallback.Factory.Create(this, () => saved++)));

        await cut.FindAll("button").Single(b => b.TextContent.Contains("Save profile", StringComparison.Ordinal)).ClickAsync(new MouseEventArgs());

        Assert.Equal(1, saved);
    }

    [Fact]
    public void ProfileForm_Busy_DisablesSave()
    {
        var cut = Render<ProfileForm>(p => p.Add(c => c.Model, new ProfileSettingsModel()).Add(c => c.Busy, true));

        var button = cut.FindAll("button").Single(b => b.TextContent.Contains("Saving", StringComparison.Ordinal));
        Assert.True(button.HasAttribute("disabled"));
    }

    [Fact]
    public void CheckoutDefaultsForm_MethodsError_IsShown()
    {
        var errors = new Dictionary<string, string[]> { [nameof(Merchant.DefaultPaymentMethods)] = ["Offer at least one payment method."] };

        var cut = Render<CheckoutDefaultsForm>(p => p.Add(c => c.Model, new CheckoutDefaultsModel()).Add(c => c.Errors, errors));

        Assert.Contains("Offer at least one payment method.", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckoutDefaultsForm_UntickFast_ModelOffersRealTimeOnly()
    {
        var model = new CheckoutDefaultsModel();
        var cut = Render<CheckoutDefaultsForm>(p => p.Add(c => c.Model, model));

        await cut.FindAll("input[type=checkbox]")[1].ChangeAsync(new ChangeEventArgs { Value = false });

        Assert.Equal(PaymentMethods.RealTime, model.Methods);
    }

    [Fact]
    public void CheckoutDefaultsModel_ChoiceFor_MapsLifetimesBack()
    {
        Assert.Equal(ExpiryChoice.OneDay, LinkFormModel.ChoiceFor(LinkFormModel.LifetimeOf(ExpiryChoice.OneDay)!.Value));
        Assert.Equal(ExpiryChoice.SevenDays, LinkFormModel.ChoiceFor(TimeSpan.FromDays(3)));
    }

    [Fact]
    public void LogoForm_NoLogo_SaysNameOnlyAndOffersNoRemove()
    {
        var cut = Render<LogoForm>();

        Assert.Contains("No logo", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Remove logo", StringComparison.Ordinal));
    }

    [Fact]
    public void LogoForm_WithLogoAndError_ShowsBoth()
    {
        var cut = Render<LogoForm>(p => p
            .Add(c => c.LogoUrl, "media/logo/x?v=1")
            .Add(c => c.Error, "A logo is a PNG or JPEG image."));

        Assert.Equal("media/logo/x?v=1", cut.Find("img.logo-preview").GetAttribute("src"));
        Assert.Contains("A logo is a PNG or JPEG image.", cut.Find(".mud-alert").TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Contains("Remove logo", StringComparison.Ordinal));
    }
}
