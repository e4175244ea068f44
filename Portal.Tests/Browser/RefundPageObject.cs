using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>Refunds as a staff member handles them: on a payment's detail page and in the approvals queue.</summary>
public sealed class RefundPageObject(AdminPageObject admin)
{
    public IPage Page => admin.Page;

    /// <summary>Opens a payment's detail page and waits until its refunds section watches for changes.</summary>
    public async Task OpenPaymentAsync(Guid paymentId)
    {
        await admin.OpenAsync($"admin/payments/{paymentId}");
        await Expect(Page.Locator(".refunds-section[data-live='true']")).ToBeVisibleAsync();
    }

    public ILocator RefundButton => Page.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true });

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    /// <summary>Asks for a refund through the dialog and waits for it to close.</summary>
    public async Task RequestAsync(string amount, string reason, string? note = null)
    {
        await RefundButton.ClickAsync();
        await Dialog.GetByLabel("Amount").FillAsync(amount);
        await Dialog.GetByLabel("Reason").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = reason, Exact = true }).ClickAsync();
        // The select shows the reason once the circuit has taken it: a Refund clicked before that went out without a
        // reason on a loaded machine, and the dialog stayed open asking for one.
        var reasonSelect = Dialog.Locator(".mud-select", new() { Has = Page.GetByText("Reason", new() { Exact = true }) }).First;
        await Expect(reasonSelect).ToContainTextAsync(reason);
        if (note is not null)
        {
            await Dialog.GetByLabel("Note").FillAsync(note);
        }
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
    }

    /// <summary>The card of the refund of this amount ("CNY 1,200.00").</summary>
    public ILocator Card(string amount) => Page.Locator(".refund-card", new() { HasText = $"Refund of {amount}" });

    public ILocator Refundable => Page.Locator(".refunds-section .refundable");

    public async Task OpenApprovalsAsync()
    {
        await admin.OpenAsync("admin/refunds/approvals");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Refund approvals" })).ToBeVisibleAsync();
    }

    public ILocator ApproveButton(ILocator card) => card.GetByRole(AriaRole.Button, new() { Name = "Approve" });
}
