using System.Globalization;
using System.Text;

namespace Portal.Domain.Qr;

/// <summary>
/// Writes an EMV QRCPS merchant-presented payload: tag 00 first, then the point of initiation, then the added data
/// objects in id order, then the CRC (tag 63). Lengths count code points, as the parser reads them. Refuses what
/// would make a code no parser reads back: an empty or over-long value, control characters, a repeated id.
/// </summary>
public sealed class EmvQrBuilder
{
    /// <summary>The largest value a two-digit length can declare.</summary>
    public const int MaxValueLength = 99;

    private readonly SortedDictionary<string, string> _objects = new(StringComparer.Ordinal);
    private string? _pointOfInitiation;

    /// <summary>Tag 01 = 11: the same code for many payments; the payer may enter the amount.</summary>
    public EmvQrBuilder Static()
    {
        _pointOfInitiation = EmvTags.Static;
        return this;
    }

    /// <summary>Tag 01 = 12: a code for one payment.</summary>
    public EmvQrBuilder Dynamic()
    {
        _pointOfInitiation = EmvTags.Dynamic;
        return this;
    }

    /// <summary>Adds a primitive data object. Templates (26–51, 62, 64) go through <see cref="AddTemplate"/>.</summary>
    /// <exception cref="ArgumentException">The id is reserved, repeated or a template's, or the value cannot be written.</exception>
    public EmvQrBuilder Add(string id, string value)
    {
        CheckId(id);
        if (EmvTags.IsTemplate(id))
        {
            throw new ArgumentException($"Tag {id} is a template: add it with {nameof(AddTemplate)}.", nameof(id));
        }
        _objects.Add(id, Encode(id, value));
        return this;
    }

    /// <summary>Adds a template whose value is the given sub-objects, each id/length/value, in the order given.</summary>
    /// <exception cref="ArgumentException">An id is reserved or repeated, or a value (or the whole template) cannot be written.</exception>
    public EmvQrBuilder AddTemplate(string id, params (string Id, string Value)[] subObjects)
    {
        CheckId(id);
        ArgumentNullException.ThrowIfNull(subObjects);
        if (subObjects.Length == 0 || subObjects.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != subObjects.Length)
        {
            throw new ArgumentException($"Template {id} needs sub-objects, each id once.", nameof(subObjects));
        }
        var value = new StringBuilder();
        foreach (var (subId, subValue) in subObjects)
        {
            if (subId is not { Length: 2 } || !subId.All(char.IsAsciiDigit))
            {
                throw new ArgumentException($"'{subId}' in template {id} is not a two-digit id.", nameof(subObjects));
            }
            value.Append(Encode($"{id}/{subId}", subValue, subId));
        }
        _objects.Add(id, Encode(id, value.ToString()));
        return this;
    }

    /// <summary>The payload, CRC included.</summary>
    public string Build()
    {
        var payload = new StringBuilder(Encode(EmvTags.PayloadFormatIndicator, EmvTags.FormatVersion));
        if (_pointOfInitiation is not null)
        {
            payload.Append(Encode(EmvTags.PointOfInitiation, _pointOfInitiation));
        }
        foreach (var encoded in _objects.Values)
        {
            payload.Append(encoded);
        }
        payload.Append(EmvTags.Crc).Append("04");
        return payload.Append(Crc16CcittFalse.ComputeHex(payload.ToString())).ToString();
    }

    private void CheckId(string id)
    {
        if (id is not { Length: 2 } || !id.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{id}' is not a two-digit tag id.", nameof(id));
        }
        if (id is EmvTags.PayloadFormatIndicator or EmvTags.PointOfInitiation or EmvTags.Crc)
        {
            throw new ArgumentException($"Tag {id} is written by the builder itself.", nameof(id));
        }
        if (_objects.ContainsKey(id))
        {
            throw new ArgumentException($"Tag {id} was already added.", nameof(id));
        }
    }

    private static string Encode(string id, string value, string? writtenId = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = 0;
        for (var index = 0; index < value.Length; length++)
        {
            // A lone surrogate has no UTF-8 form (the CRC would be over U+FFFD), and control characters (line breaks,
            // NUL) are mangled by scanners and text fields on the way to the wallet.
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done ||
                Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                throw new ArgumentException($"The value of tag {id} contains a character a QR payload cannot carry.", nameof(value));
            }
            index += consumed;
        }
        if (length is 0 or > MaxValueLength)
        {
            throw new ArgumentException($"The value of tag {id} has {length} characters; a data object holds 1 to {MaxValueLength}.", nameof(value));
        }
        return string.Create(CultureInfo.InvariantCulture, $"{writtenId ?? id}{length:D2}{value}");
    }
}
