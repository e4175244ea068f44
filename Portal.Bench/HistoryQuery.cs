namespace Portal.Bench;

/// <summary>One staff page's query, named as the bench's table shows it; <see cref="Run"/> answers the rows it returned.</summary>
internal sealed record HistoryQuery(string Name, HistoryGroup Group, Func<CancellationToken, Task<int>> Run);
