namespace Portal.Domain.Qr;

/// <summary>
/// Splits a run of units (code points, or bytes when checking a byte-counting generator) into id/length/value
/// spans. It sees each unit only as a decimal digit or not, so the same reader serves both counts.
/// </summary>
internal static class TlvReader
{
    /// <summary>Digit value of each unit, -1 for anything else.</summary>
    public static int[] Digits(IEnumerable<int> values) =>
        values.Select(v => v is >= '0' and <= '9' ? v - '0' : -1).ToArray();

    public static TlvFault Read(int[] digits, int from, int to, List<TlvSpan> into)
    {
        var position = from;
        while (position < to)
        {
            if (to - position < 4)
            {
                return new TlvFault(TlvFaultKind.HeaderTruncated, position);
            }
            if (digits[position] < 0 || digits[position + 1] < 0)
            {
                return new TlvFault(TlvFaultKind.BadId, position);
            }
            if (digits[position + 2] < 0 || digits[position + 3] < 0)
            {
                return new TlvFault(TlvFaultKind.BadLength, position);
            }
            var span = new TlvSpan(position,
                digits[position] * 10 + digits[position + 1],
                digits[position + 2] * 10 + digits[position + 3]);
            if (span.End > to)
            {
                return new TlvFault(TlvFaultKind.Overrun, position);
            }
            into.Add(span);
            position = span.End;
        }
        return new TlvFault(TlvFaultKind.None, position);
    }

    /// <summary>Whether the units parse to their end with tag 63 (length 04) last and every template adding up.</summary>
    public static bool ParsesCompletely(int[] digits, int from, int to)
    {
        var spans = new List<TlvSpan>();
        if (Read(digits, from, to, spans).Kind != TlvFaultKind.None || spans is not [.., { Id: 63, Length: 4 }])
        {
            return false;
        }
        return spans.Where(s => EmvTags.IsTemplate(s.IdText))
            .All(s => Read(digits, s.ValueStart, s.End, []).Kind == TlvFaultKind.None);
    }
}
