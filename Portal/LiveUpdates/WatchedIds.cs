namespace Portal.LiveUpdates;

/// <summary>The payments, checkouts and merchants one instance's components watch.</summary>
internal sealed record WatchedIds(List<Guid> Payments, List<Guid> Checkouts, List<Guid> Merchants)
{
    public bool IsEmpty => Payments.Count == 0 && Checkouts.Count == 0 && Merchants.Count == 0;
}
