using Portal.Domain.Common;

namespace Portal.Domain.Merchants;

/// <summary>
/// The image the checkout shows above the merchant's name. Kept apart from <see cref="Merchant"/> so that loading a
/// merchant (every payment does) never loads the picture. Only PNG and JPEG, recognised by their first bytes rather
/// than by what the upload claims: an SVG can carry script, and a file named .png can be anything.
/// </summary>
public sealed class MerchantLogo
{
    /// <summary>The largest logo accepted: 256 KB, plenty for a header image and cheap to keep in the database.</summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    private MerchantLogo()
    {
    }

    public Guid MerchantId { get; private set; }

    /// <summary>image/png or image/jpeg, from the content itself.</summary>
    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    public static MerchantLogo Create(Guid merchantId, ReadOnlySpan<byte> content, DateTimeOffset now)
    {
        if (content.Length == 0)
        {
            throw new DomainValidationException("Logo", "The file is empty.");
        }
        if (content.Length > MaxBytes)
        {
            throw new DomainValidationException("Logo", $"A logo is at most {MaxBytes / 1024} KB; this file has {(content.Length + 1023) / 1024} KB.");
        }
        var contentType = content.StartsWith(PngSignature) ? "image/png"
            : content.StartsWith(JpegSignature) ? "image/jpeg"
            : throw new DomainValidationException("Logo", "A logo is a PNG or JPEG image.");
        return new MerchantLogo
        {
            MerchantId = merchantId,
            ContentType = contentType,
            Content = content.ToArray(),
            UploadedAt = now,
        };
    }

    /// <summary>Replaces the picture of an existing logo row (one per merchant).</summary>
    public void Replace(MerchantLogo newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        if (newer.MerchantId != MerchantId)
        {
            throw new DomainException("The logo belongs to another merchant.");
        }
        ContentType = newer.ContentType;
        Content = newer.Content;
        UploadedAt = newer.UploadedAt;
    }
}
