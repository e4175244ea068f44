namespace Portal.Totals;

/// <summary>A key whose running total is not what a recount of the rows gives: the table, the key, both figures.</summary>
public sealed record TotalsDifference(string Table, string Key, string Recounted, string Kept)
{
    public override string ToString() => $"{Table} {Key}: recounted {Recounted}; kept {Kept}";
}
