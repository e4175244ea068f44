using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.ApiKeys;
using Portal.Domain.Common;

namespace Portal.Admin.ApiKeys;

/// <summary>
/// The create-key form in a dialog. Once <see cref="Submit"/> issued the key, the same dialog shows its secret instead
/// of the form, and only closes when the owner says they have it: only the hash is stored, so there is no second look.
/// </summary>
public sealed partial class CreateApiKeyDialog
{
    // The fields the domain names in DomainValidationException.Errors.
    internal const string NameField = nameof(ApiKey.Name);
    internal const string ScopesField = nameof(ApiKey.Scopes);

    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _generalError;
    private string? _name;
    // What a web shop needs to sell and follow its payments; refunds are a deliberate extra.
    private ApiScopes _scopes = ApiScopes.CheckoutsWrite | ApiScopes.PaymentsRead;
    private IssuedApiKey? _issued;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>Issues the key; throws the domain's exceptions when it is refused.</summary>
    [Parameter, EditorRequired]
    public required Func<ApiKeyRequest, Task<IssuedApiKey>> Submit { get; set; }

    internal static string Describe(ApiScopes scope) => scope switch
    {
        ApiScopes.CheckoutsWrite => "create checkouts and read them",
        ApiScopes.PaymentsRead => "list and read payments",
        ApiScopes.RefundsWrite => "refund payments and read refunds",
        _ => "",
    };

    private string? Error(string field) => _errors.TryGetValue(field, out var messages) ? messages.FirstOrDefault() : null;

    private void Toggle(ApiScopes scope, bool on) => _scopes = on ? _scopes | scope : _scopes & ~scope;

    private void Cancel() => MudDialog.Cancel();

    private void Done() => MudDialog.Close(DialogResult.Ok(_issued!.Key));

    private async Task SubmitAsync()
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        _generalError = null;
        _errors = new Dictionary<string, string[]>();
        try
        {
            _issued = await Submit(new ApiKeyRequest(_name ?? "", _scopes));
            await MudDialog.SetTitleAsync("API key created");
        }
        catch (DomainValidationException invalid)
        {
            _errors = invalid.Errors;
            var elsewhere = invalid.Errors.Where(e => e.Key is not (NameField or ScopesField)).SelectMany(e => e.Value);
            _generalError = elsewhere.Any() ? string.Join(" ", elsewhere) : null;
        }
        catch (DomainException refused)
        {
            _generalError = refused.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
