using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Webhooks;

namespace Portal.Admin.Webhooks;

public sealed partial class WebhooksPage
{
    private IReadOnlyList<WebhookEndpoint>? _endpoints;
    private IReadOnlyList<DeliveryRow>? _deliveries;
    private WebhookDeliveryStatus? _status;
    private (string Secret, string Title)? _secret;
    private bool _busy;

    [Inject]
    private WebhookActions Actions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IOptions<WebhookOptions> Options { get; set; } = default!;

    private string Overlap => Options.Value.PreviousSecretValidFor is { TotalHours: >= 1 } overlap && overlap.TotalHours % 1 == 0
        ? $"{overlap.TotalHours:0} hours"
        : $"{Options.Value.PreviousSecretValidFor.TotalMinutes:0} minutes";

    protected override async Task OnInitializedAsync()
    {
        await LoadEndpointsAsync();
        await LoadDeliveriesAsync();
    }

    private async Task LoadEndpointsAsync() => _endpoints = await Actions.ListEndpointsAsync();

    private async Task LoadDeliveriesAsync() => _deliveries = await Actions.ListDeliveriesAsync(_status);

    private async Task FilterAsync(WebhookDeliveryStatus? status)
    {
        _status = status;
        await LoadDeliveriesAsync();
    }

    private async Task CreatedAsync(CreatedWebhookEndpoint created)
    {
        _secret = (created.Secret, $"Signing secret of {created.Endpoint.Url}");
        Snackbar.Add("Endpoint added", Severity.Success);
        await LoadEndpointsAsync();
    }

    private Task ToggleAsync(WebhookEndpoint endpoint) => RunAsync(async () =>
    {
        var changed = await Actions.UpdateEndpointAsync(endpoint.Id, endpoint.Url, endpoint.Description, endpoint.Events.ToList(),
            !endpoint.Enabled);
        Snackbar.Add(changed.Enabled ? "Endpoint enabled" : "Endpoint disabled: nothing more is sent to it", Severity.Success);
    });

    private async Task RollSecretAsync(WebhookEndpoint endpoint)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Roll the signing secret",
            $"{endpoint.Url} gets a new secret now. For the next {Overlap} every delivery is signed with both the old and the " +
            "new secret, so your receiver keeps verifying while you give it the new one; after that, only the new one signs.",
            yesText: "Roll secret", cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(async () =>
            {
                var secret = await Actions.RollSecretAsync(endpoint.Id);
                _secret = (secret, $"New signing secret of {endpoint.Url} (the old one also signs for {Overlap})");
            });
        }
    }

    private async Task DeleteAsync(WebhookEndpoint endpoint)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove the endpoint",
            $"{endpoint.Url} will get no more events, and its deliveries are removed from the list.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed == true)
        {
            await RunAsync(async () =>
            {
                await Actions.DeleteEndpointAsync(endpoint.Id);
                Snackbar.Add("Endpoint removed", Severity.Success);
            });
        }
    }

    private Task RedeliverAsync(DeliveryRow delivery) => RunAsync(async () =>
    {
        await Actions.RedeliverAsync(delivery.Id);
        Snackbar.Add($"{delivery.EventType} is being sent again", Severity.Success);
    });

    // A refused change is said in a snackbar and the lists reloaded, so what is shown is what is stored.
    private async Task RunAsync(Func<Task> action)
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            await action();
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
        }
        catch (ConcurrencyConflictException)
        {
            Snackbar.Add("Someone changed this meanwhile. The list shows the latest.", Severity.Warning);
        }
        finally
        {
            _busy = false;
            await LoadEndpointsAsync();
            await LoadDeliveriesAsync();
        }
    }
}
