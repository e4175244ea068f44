namespace Portal.Domain.Qr;

/// <summary>
/// One id/length/value data object of an EMV QR payload. A template (26–51, 62, 64) also exposes the data objects
/// its value is made of.
/// </summary>
public sealed class EmvDataObject
{
    internal EmvDataObject(string id, string value, IReadOnlyList<EmvDataObject> subObjects)
    {
        Id = id;
        Value = value;
        SubObjects = subObjects;
    }

    /// <summary>The two-digit id ("59").</summary>
    public string Id { get; }

    /// <summary>The value as written, for a template its encoded sub-objects.</summary>
    public string Value { get; }

    /// <summary>The data objects inside a template; empty for a primitive data object.</summary>
    public IReadOnlyList<EmvDataObject> SubObjects { get; }

    /// <summary>The length as the payload declares it: Unicode code points, not UTF-16 units or bytes.</summary>
    public int Length => Value.EnumerateRunes().Count();

    /// <summary>The value of the sub-object with this id, or null.</summary>
    public string? Find(string subId) => SubObjects.FirstOrDefault(o => o.Id == subId)?.Value;

    public override string ToString() => $"{Id}{Length:D2}{Value}";
}
