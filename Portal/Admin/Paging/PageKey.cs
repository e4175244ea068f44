namespace Portal.Admin.Paging;

/// <summary>
/// A row's place in a list sorted newest first: its instant, and its id to order rows of the same instant. A page
/// starts strictly after (or before) a key, so rows added meanwhile neither repeat nor shift a page, as offsets would.
/// </summary>
public readonly record struct PageKey(DateTimeOffset At, Guid Id);
