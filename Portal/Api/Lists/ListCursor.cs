using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Api.Lists;

/// <summary>
/// Where a page ended: the last item's creation instant and id, the list's sort key. The next page starts strictly
/// after it, so items created meanwhile (always newer, so at the head) neither repeat nor shift a page, as offsets would.
/// Opaque to clients: base64url of 8 bytes of UTC ticks and the 16 bytes of the id.
/// </summary>
public readonly record struct ListCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, CreatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryParse(string? text, out ListCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length != 24)
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }
        cursor = new ListCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.AsSpan(8), bigEndian: true));
        return true;
    }
}
