namespace Portal.LiveUpdates;

/// <summary>
/// What goes over the bus when a payment or refund changed: its id and the ids of those who may watch it, nothing of
/// its content. A receiver that holds a watcher of any of them reads the change from the database and tells its
/// watchers from what it read, so a message that names the wrong merchant or checkout shows nobody anything.
/// </summary>
internal readonly record struct ChangeNotice(Guid Id, Guid PaymentId, Guid CheckoutId, Guid MerchantId)
{
    private const int Length = 64;

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        Id.TryWriteBytes(bytes.AsSpan(0, 16));
        PaymentId.TryWriteBytes(bytes.AsSpan(16, 16));
        CheckoutId.TryWriteBytes(bytes.AsSpan(32, 16));
        MerchantId.TryWriteBytes(bytes.AsSpan(48, 16));
        return bytes;
    }

    public static bool TryRead(ReadOnlySpan<byte> bytes, out ChangeNotice notice)
    {
        if (bytes.Length != Length)
        {
            notice = default;
            return false;
        }
        notice = new ChangeNotice(new Guid(bytes[..16]), new Guid(bytes[16..32]), new Guid(bytes[32..48]), new Guid(bytes[48..64]));
        return true;
    }
}
