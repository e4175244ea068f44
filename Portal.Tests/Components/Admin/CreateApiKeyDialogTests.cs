using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Admin.ApiKeys;
using Portal.Domain.ApiKeys;
using Portal.Domain.Common;

namespace Portal.Tests.Components.Admin;

public sealed class CreateApiKeyDialogTests : AdminComponentTest
{
    private readonly List<ApiKeyRequest> _submitted = [];

    [Fact]
    public async Task Open_SuggestsTheScopesAWebShopNeeds()
    {
        var (provider, _) = await OpenAsync(Accept);

        await provider.Find("#api-key-name").InputAsync(new ChangeEventArgs { Value = "Web shop" });
        await ClickCreateAsync(provider);

        Assert.Equal(ApiScopes.CheckoutsWrite | ApiScopes.PaymentsRead, Assert.Single(_submitted).Scopes);
    }

    [Fact]
    public async Task Submit_AScopeTickedOn_AsksForIt()
    {
        var (provider, _) = await OpenAsync(Accept);

        await provider.Find("#api-key-name").InputAsync(new ChangeEventArgs { Value = "Back office" });
        await provider.FindAll(".api-key-scopes input[type=checkbox]")[2].ChangeAsync(new ChangeEventArgs { Value = true });
        await ClickCreateAsync(provider);

        Assert.Equal(ApiScopes.All, Assert.Single(_submitted).Scopes);
    }

    [Fact]
    public async Task Submit_Issued_ShowsTheSecretOnceWithACopyButton()
    {
        var (provider, _) = await OpenAsync(Accept);

        await provider.Find("#api-key-name").InputAsync(new ChangeEventArgs { Value = "Web shop" });
        await ClickCreateAsync(provider);

        var secret = provider.Find("#api-key-secret").GetAttribute("value") ?? provider.Find("#api-key-secret").TextContent;
        Assert.StartsWith("psk_", secret);
        Assert.Contains("You will not see it again", provider.Find(".api-key-secret").TextContent);
        await provider.Find("button[aria-label='Copy API key']").ClickAsync(new MouseEventArgs());
        var copy = Assert.Single(JSInterop.Invocations, i => i.Identifier == "portal.copyText");
        Assert.Equal(secret, copy.Arguments[0]);
    }

    [Fact]
    public async Task Submit_Issued_StaysOpenUntilTheOwnerSaysTheyHaveIt()
    {
        var (provider, dialog) = await OpenAsync(Accept);

        await provider.Find("#api-key-name").InputAsync(new ChangeEventArgs { Value = "Web shop" });
        await ClickCreateAsync(provider);

        Assert.False(dialog.Result.IsCompleted);
        await provider.FindAll(".create-api-key-dialog button").Single(b => b.TextContent.Trim() == "I have copied it").ClickAsync(new MouseEventArgs());
        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.IsType<ApiKey>(result.Data);
    }

    [Fact]
    public async Task Submit_DomainRefuses_ShowsEachMessageBesideItsFieldAndNoSecret()
    {
        var (provider, _) = await OpenAsync(request => Task.FromResult(
            ApiKey.Issue(Guid.CreateVersion7(), request.Name, ApiScopes.None, "owner@demo.test", DateTimeOffset.UnixEpoch)));

        await ClickCreateAsync(provider);

        Assert.Contains("Give the key a name", provider.Find(".create-api-key-dialog .mud-input-helper-text").TextContent);
        Assert.Empty(provider.FindAll("#api-key-secret"));
    }

    [Fact]
    public async Task Submit_NoScopeTicked_SaysChooseOne()
    {
        var (provider, _) = await OpenAsync(request => Task.FromResult(
            ApiKey.Issue(Guid.CreateVersion7(), request.Name, request.Scopes, "owner@demo.test", DateTimeOffset.UnixEpoch)));

        await provider.Find("#api-key-name").InputAsync(new ChangeEventArgs { Value = "Web shop" });
        await provider.FindAll(".api-key-scopes input[type=checkbox]")[0].ChangeAsync(new ChangeEventArgs { Value = false });
        await provider.FindAll(".api-key-scopes input[type=checkbox]")[1].ChangeAsync(new ChangeEventArgs { Value = false });
        await ClickCreateAsync(provider);

        Assert.Equal("Choose at least one scope.", provider.Find(".scopes-error").TextContent.Trim());
    }

    [Fact]
    public async Task Submit_Forbidden_ShowsTheMessageAboveTheForm()
    {
        var (provider, _) = await OpenAsync(_ => throw new ForbiddenException("Only an owner manages API keys."));

        await provider.Find("#api-key-name").InputAsync(new ChangeEventArgs { Value = "Web shop" });
        await ClickCreateAsync(provider);

        Assert.Equal("Only an owner manages API keys.", provider.Find(".general-error").TextContent.Trim());
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(
        Func<ApiKeyRequest, Task<IssuedApiKey>> submit)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<CreateApiKeyDialog>
        {
            { d => d.Submit, request =>
                {
                    _submitted.Add(request);
                    return submit(request);
                }
            },
        };
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<CreateApiKeyDialog>("Create API key", parameters));
        return (provider, dialog);
    }

    private static Task<IssuedApiKey> Accept(ApiKeyRequest request) =>
        Task.FromResult(ApiKey.Issue(Guid.CreateVersion7(), request.Name, request.Scopes, "owner@demo.test", DateTimeOffset.UnixEpoch));

    private static Task ClickCreateAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.FindAll(".create-api-key-dialog button").Last(b => b.TextContent.Trim() is "Create key" or "Creating…").ClickAsync(new MouseEventArgs());
}
