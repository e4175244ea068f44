using Microsoft.Playwright;

namespace Portal.Bench;

/// <summary>
/// One staff page as the browser bench opens it: its name (one token, as the last line prints it) and one timing of it
/// on a page whose browser is signed in as the Owner; the page is left wherever the timing ends.
/// </summary>
internal sealed record HistoryPage(string Name, Func<IPage, Task<HistoryPageTiming>> MeasureAsync);
