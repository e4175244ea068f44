namespace Portal.Bus;

/// <summary>The one-process app: every page and job lives here, so there is nobody to tell.</summary>
internal sealed class NoBus : IPortalBus
{
    public bool IsEnabled => false;

    public bool IsConnected => false;

    public void Publish(BusTopic topic, ReadOnlySpan<byte> body)
    {
    }

    public void Subscribe(BusTopic topic, Action<ReadOnlyMemory<byte>> handler)
    {
    }
}
