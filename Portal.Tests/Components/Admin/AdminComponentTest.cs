using Bunit;
using MudBlazor.Services;

namespace Portal.Tests.Components.Admin;

/// <summary>
/// The base of the admin components' tests: MudBlazor's services, JS interop that answers every call with a default.
/// MudBlazor 9's services are async-disposable only, so xunit 2 must dispose the context asynchronously.
/// </summary>
public abstract class AdminComponentTest : BunitContext, IAsyncLifetime
{
    protected AdminComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
