// The render tree is the framework's internal API (BL0006), and exactly what this test measures.
#pragma warning disable BL0006
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.Tests.Components.Pay;

/// <summary>
/// A real Blazor renderer that tells how many frames a component's render tree holds. A circuit keeps two buffers of
/// frames per component, each sized to the next power of two: the count is what a waiting page costs the server.
/// </summary>
public sealed class FrameCountingRenderer(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
{
    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    /// <summary>Renders <typeparamref name="TComponent"/> as a root with the given parameters; returns its frame count.</summary>
    public Task<int> CountFramesAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        Dispatcher.InvokeAsync(async () =>
        {
            var id = AssignRootComponentId(InstantiateComponent(typeof(TComponent)));
            await RenderRootComponentAsync(id, ParameterView.FromDictionary(parameters));
            return GetCurrentRenderTreeFrames(id).Count;
        });

    protected override void HandleException(Exception exception) => throw exception;

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;
}
