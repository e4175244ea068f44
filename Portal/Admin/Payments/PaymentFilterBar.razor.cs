using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Domain.Common;

namespace Portal.Admin.Payments;

/// <summary>The filter fields above the payments grid; applying raises <see cref="OnApply"/> with a valid filter only.</summary>
public sealed partial class PaymentFilterBar
{
    private PaymentFilterForm _form = new();
    private PaymentFilter? _shown;
    private IReadOnlyDictionary<string, string[]> _problems = new Dictionary<string, string[]>();

    /// <summary>The filter in force; the fields show it whenever it changes. Defaults to no filter.</summary>
    [Parameter]
    public PaymentFilter Value { get; set; } = PaymentFilter.None;

    /// <summary>The merchant's currency: amounts are typed in it. Defaults to CNY.</summary>
    [Parameter]
    public string CurrencyCode { get; set; } = "CNY";

    /// <summary>Occurs when the staff member applies (or clears) the filters, with the new, valid filter.</summary>
    [Parameter]
    public EventCallback<PaymentFilter> OnApply { get; set; }

    protected override void OnParametersSet()
    {
        if (Value != _shown)
        {
            _shown = Value;
            _form = PaymentFilterForm.Of(Value);
            _problems = new Dictionary<string, string[]>();
        }
    }

    private bool Has(string key) => _problems.ContainsKey(key);

    private string? ErrorOf(string key) => _problems.TryGetValue(key, out var messages) ? messages[0] : null;

    private async Task ApplyAsync()
    {
        var reading = PaymentFilterReader.Read(_form.ToQuery(), Currency.FromCode(CurrencyCode));
        _problems = reading.Problems;
        if (reading.IsValid)
        {
            await OnApply.InvokeAsync(reading.Filter);
        }
    }

    private async Task ClearAsync()
    {
        _form = new PaymentFilterForm();
        _problems = new Dictionary<string, string[]>();
        await OnApply.InvokeAsync(PaymentFilter.None);
    }

    private Task KeyDownAsync(KeyboardEventArgs args) => args.Key == "Enter" ? ApplyAsync() : Task.CompletedTask;
}
