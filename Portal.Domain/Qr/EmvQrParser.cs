using System.Text;

namespace Portal.Domain.Qr;

/// <summary>
/// Checks a payload against EMV QRCPS merchant-presented mode and names the first thing wrong. Lengths count Unicode
/// code points (UnionPay's encoding specification: "the number of characters in the value, not the number of
/// bytes"), so the payload is indexed by <see cref="Rune"/> and an emoji counts once.
/// </summary>
internal static class EmvQrParser
{
    public static EmvQrProblem? Parse(string? payload, out EmvQrCode? code)
    {
        code = null;
        if (string.IsNullOrEmpty(payload))
        {
            return Problem(EmvQrReason.Empty, "The code is empty.");
        }
        if (!TryIndexRunes(payload, out var starts))
        {
            return Problem(EmvQrReason.BrokenText,
                "The code contains broken text (a lone surrogate), so no QR code can carry it.");
        }
        if (payload.Length < 4 || payload.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9'))
        {
            return Problem(EmvQrReason.NotEmv, "This is not an EMV QR payment code.");
        }

        // A damaged code is best told as damaged: its CRC is checked before the symptoms a flipped length would cause.
        if (EndsWithCrcObject(payload) && CheckCrc(payload) is { } crcProblem)
        {
            return crcProblem;
        }

        var digits = TlvReader.Digits(payload.EnumerateRunes().Select(r => r.Value));
        var spans = new List<TlvSpan>();
        var fault = TlvReader.Read(digits, 0, digits.Length, spans);
        if (fault.Kind != TlvFaultKind.None)
        {
            return DiagnoseLayout(payload, starts, digits, spans, fault);
        }

        var objects = new List<EmvDataObject>(spans.Count);
        foreach (var span in spans)
        {
            var value = Slice(payload, starts, span.ValueStart, span.End);
            var subSpans = new List<TlvSpan>();
            var subFault = TlvReader.Read(digits, span.ValueStart, span.End, subSpans);
            if (EmvTags.IsTemplate(span.IdText) && subFault.Kind != TlvFaultKind.None)
            {
                return ParsesWithByteLengths(payload)
                    ? ByteLengths()
                    : Problem(EmvQrReason.BadNestedTemplate, $"Template {span.IdText} does not add up: {DescribeNested(payload, starts, digits, subFault)}.");
            }
            // Unreserved templates (80-99) are scheme-specific: their sub-objects are offered when they parse, not required.
            var subObjects = subFault.Kind == TlvFaultKind.None && (EmvTags.IsTemplate(span.IdText) || span.Id >= 80)
                ? subSpans.Select(s => new EmvDataObject(s.IdText, Slice(payload, starts, s.ValueStart, s.End), [])).ToArray()
                : [];
            objects.Add(new EmvDataObject(span.IdText, value, subObjects));
        }

        if (CheckRules(objects) is { } ruleProblem)
        {
            return ruleProblem;
        }
        code = new EmvQrCode(payload, objects);
        return null;
    }

    private static EmvQrProblem? CheckRules(List<EmvDataObject> objects)
    {
        if (objects[0].Id != EmvTags.PayloadFormatIndicator)
        {
            return Problem(EmvQrReason.BadFormatIndicator,
                $"The code must start with tag 00 (payload format indicator), not tag {objects[0].Id}.");
        }
        if (objects[0].Value != EmvTags.FormatVersion)
        {
            return Problem(EmvQrReason.BadFormatIndicator,
                $"Tag 00 (payload format indicator) is '{objects[0].Value}'; an EMV QR code has '01'.");
        }

        var crcCount = objects.Count(o => o.Id == EmvTags.Crc);
        if (crcCount == 0)
        {
            return Problem(EmvQrReason.MissingCrc, "The code has no checksum (tag 63).");
        }
        if (crcCount > 1 || objects[^1].Id != EmvTags.Crc)
        {
            return Problem(EmvQrReason.CrcNotLast, "The checksum (tag 63) must occur once, as the last data object.");
        }
        if (objects[^1].Length != 4)
        {
            return Problem(EmvQrReason.BadCrcField, $"The checksum (tag 63) must have 4 characters, not {objects[^1].Length}.");
        }

        if (objects.GroupBy(o => o.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return Problem(EmvQrReason.DuplicateTag, $"Tag {duplicate.Key} occurs more than once.");
        }

        if (Value(objects, EmvTags.PointOfInitiation) is { } initiation && initiation is not (EmvTags.Static or EmvTags.Dynamic))
        {
            return Problem(EmvQrReason.BadPointOfInitiation,
                $"Tag 01 (point of initiation) must be 11 (static) or 12 (dynamic), not '{initiation}'.");
        }
        if (Value(objects, EmvTags.TransactionCurrency) is { } currency && !(currency.Length == 3 && currency.All(char.IsAsciiDigit)))
        {
            return Problem(EmvQrReason.BadCurrency,
                $"Tag 53 (currency) must be a 3-digit ISO 4217 numeric code, not '{currency}'.");
        }
        if (Value(objects, EmvTags.TransactionAmount) is { } amount && !IsAmount(amount))
        {
            return Problem(EmvQrReason.BadAmount, $"Tag 54 (amount) is not a number ('{amount}').");
        }
        return null;
    }

    // Digits with an optional '.' and decimals; no sign, no comma, no exponent.
    private static bool IsAmount(string amount)
    {
        var point = amount.IndexOf('.');
        var whole = point < 0 ? amount : amount[..point];
        var fraction = point < 0 ? "" : amount[(point + 1)..];
        return whole.Length > 0 && whole.All(char.IsAsciiDigit) && fraction.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// The reader stopped where the layout stopped adding up; the defect is often earlier (a wrong length shows up as a
    /// misaligned next header), so try the likely causes before naming the symptom.
    /// </summary>
    private static EmvQrProblem DiagnoseLayout(string payload, int[] starts, int[] digits, List<TlvSpan> spans, TlvFault fault)
    {
        var id = IdAt(digits, fault.At);
        if (fault.Kind is TlvFaultKind.HeaderTruncated or TlvFaultKind.Overrun && !EndsWithCrcObject(payload))
        {
            return Problem(EmvQrReason.Truncated, fault.Kind == TlvFaultKind.Overrun
                ? $"The code ends in the middle of tag {id}: it was cut off."
                : "The code ends in the middle of a data object: it was cut off.");
        }
        if (ParsesWithByteLengths(payload))
        {
            return ByteLengths();
        }
        if (spans.Count > 0 && FindFittingLength(digits, spans[^1], fault.Kind == TlvFaultKind.BadId) is { } fitting)
        {
            var previous = spans[^1];
            return fitting < previous.Length
                ? Problem(EmvQrReason.LengthOverrun,
                    $"The length of tag {previous.IdText} ({previous.Length:D2}) is longer than its value ({fitting} characters): it swallows the start of the next data object.")
                : Problem(EmvQrReason.LengthShort,
                    $"The length of tag {previous.IdText} ({previous.Length:D2}) is shorter than its value ({fitting} characters): the rest of the value is read as the next data object.");
        }
        var after = spans.Count > 0 ? $"after tag {spans[^1].IdText}" : "at its start";
        return fault.Kind switch
        {
            TlvFaultKind.BadId => Problem(EmvQrReason.BadTagId,
                $"The code does not continue with a two-digit tag id {after} ('{Slice(payload, starts, fault.At, fault.At + 2)}')."),
            TlvFaultKind.BadLength => Problem(EmvQrReason.BadLengthField,
                $"The length of tag {id} is not two digits ('{Slice(payload, starts, fault.At + 2, fault.At + 4)}')."),
            TlvFaultKind.Overrun => Problem(EmvQrReason.LengthOverrun, $"The length of tag {id} runs past the end of the code."),
            _ => Problem(EmvQrReason.Truncated, "The code ends in the middle of a data object: it was cut off."),
        };
    }

    /// <summary>
    /// The nearest other length for this data object with which the rest of the payload parses to a final tag 63.
    /// Only a next id that is not digits says we stopped mid-value (length too short); longer lengths are otherwise not
    /// tried, as one that swallows everything up to tag 63 always "fits" and would hide the real defect.
    /// </summary>
    private static int? FindFittingLength(int[] digits, TlvSpan span, bool stoppedInsideValue)
    {
        for (var delta = 1; delta <= 99; delta++)
        {
            foreach (var length in stoppedInsideValue ? (ReadOnlySpan<int>)[span.Length - delta, span.Length + delta] : [span.Length - delta])
            {
                if (length is >= 0 and <= 99 && span.ValueStart + length <= digits.Length &&
                    TlvReader.ParsesCompletely(digits, span.ValueStart + length, digits.Length))
                {
                    return length;
                }
            }
        }
        return null;
    }

    // Some generators count UTF-8 bytes; their codes are self-consistent that way and worth telling apart from damage.
    private static bool ParsesWithByteLengths(string payload)
    {
        if (Ascii.IsValid(payload))
        {
            return false;
        }
        var digits = TlvReader.Digits(Encoding.UTF8.GetBytes(payload).Select(b => (int)b));
        return TlvReader.ParsesCompletely(digits, 0, digits.Length);
    }

    private static EmvQrProblem ByteLengths() => Problem(EmvQrReason.LengthCountsBytes,
        "The lengths in this code count UTF-8 bytes instead of characters, so its non-Latin text does not add up.");

    private static string DescribeNested(string payload, int[] starts, int[] digits, TlvFault fault) => fault.Kind switch
    {
        TlvFaultKind.BadId => $"'{Slice(payload, starts, fault.At, fault.At + 2)}' stands where a sub-tag id should be",
        TlvFaultKind.BadLength => $"the length of its sub-tag {IdAt(digits, fault.At)} is not two digits",
        TlvFaultKind.Overrun => $"the length of its sub-tag {IdAt(digits, fault.At)} runs past the end of the template",
        _ => "it ends in the middle of a data object",
    };

    private static EmvQrProblem? CheckCrc(string payload)
    {
        var written = payload[^4..];
        if (!written.All(char.IsAsciiHexDigit))
        {
            return Problem(EmvQrReason.BadCrcField, $"The checksum (tag 63) is not 4 hex digits ('{written}').");
        }
        if (!written.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            return Problem(EmvQrReason.CrcLowercase,
                $"The checksum (tag 63) is written in lowercase ('{written}'); it must be 4 uppercase hex digits.");
        }
        return Crc16CcittFalse.ComputeHex(payload[..^4]) == written
            ? null
            : Problem(EmvQrReason.CrcMismatch, "The CRC does not match: the code is damaged or was altered.");
    }

    private static bool EndsWithCrcObject(string payload) =>
        payload.Length >= 12 && payload.AsSpan(payload.Length - 8, 4).SequenceEqual("6304") &&
        Ascii.IsValid(payload.AsSpan(payload.Length - 4));

    private static string IdAt(int[] digits, int at) =>
        at + 1 < digits.Length && digits[at] >= 0 && digits[at + 1] >= 0 ? $"{digits[at]}{digits[at + 1]}" : "?";

    private static string? Value(List<EmvDataObject> objects, string id) => objects.FirstOrDefault(o => o.Id == id)?.Value;

    /// <summary>The UTF-16 index of every code point, plus the string's length; false for a lone surrogate.</summary>
    private static bool TryIndexRunes(string payload, out int[] starts)
    {
        var list = new List<int>(payload.Length + 1);
        var index = 0;
        while (index < payload.Length)
        {
            if (Rune.DecodeFromUtf16(payload.AsSpan(index), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                starts = [];
                return false;
            }
            list.Add(index);
            index += consumed;
        }
        list.Add(payload.Length);
        starts = [.. list];
        return true;
    }

    private static string Slice(string payload, int[] starts, int fromRune, int toRune) =>
        payload[starts[Math.Min(fromRune, starts.Length - 1)]..starts[Math.Min(toRune, starts.Length - 1)]];

    private static EmvQrProblem Problem(EmvQrReason reason, string message) => new(reason, message);
}
