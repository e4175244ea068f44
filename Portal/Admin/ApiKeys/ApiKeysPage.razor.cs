using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.ApiKeys;
using Portal.Domain.Common;

namespace Portal.Admin.ApiKeys;

/// <summary>An owner's API keys: issue one (its secret shown once, in the dialog), see when each was last used, revoke.</summary>
public sealed partial class ApiKeysPage
{
    private IReadOnlyList<ApiKey>? _keys;
    private bool _busy;

    [Inject]
    private ApiKeyActions Actions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _keys = await Actions.ListAsync();

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<CreateApiKeyDialog>
        {
            { d => d.Submit, request => Actions.CreateAsync(request.Name, request.Scopes) },
        };
        var dialog = await Dialogs.ShowAsync<CreateApiKeyDialog>("Create API key", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = false, BackdropClick = false });
        // Whether closed from the form or after the secret was shown, the list is reloaded: a key may exist now.
        await dialog.Result;
        _keys = await Actions.ListAsync();
    }

    private async Task RevokeAsync(ApiKey key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Revoke API key?",
            $"“{key.Name}” ({key.Hint}…) stops working at once: every request made with it is refused from now on. This cannot be undone.",
            yesText: "Revoke", cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }
        _busy = true;
        try
        {
            await Actions.RevokeAsync(key.Id);
            Snackbar.Add($"API key “{key.Name}” revoked", Severity.Success);
        }
        catch (NotFoundException)
        {
            Snackbar.Add("This API key no longer exists.", Severity.Warning);
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
        }
        catch (ConcurrencyConflictException)
        {
            Snackbar.Add("The key changed meanwhile. The list shows the latest.", Severity.Warning);
        }
        finally
        {
            _busy = false;
            _keys = await Actions.ListAsync();
        }
    }
}
