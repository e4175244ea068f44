using Portal.Domain.Reports;

namespace Portal.Tests.Integration.Reports;

/// <summary>
/// Reads the reports' CSV in tests: records by line (the reports never put a line break in a field). Asks for the days
/// around today, where the fixtures' payments are.
/// </summary>
public static class Csv
{
    public const string ReconciliationHeader = "Difference,Reference,Type,PortalStatus,PortalAmount,BankAmount,PortalAt,BankPostedAt,Explanation";

    public static string[] Lines(string body) =>
        body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The fields of a record without quoted commas, as the settlement report's are.</summary>
    public static string[] Fields(string line) => line.Split(',');

    // Yesterday to tomorrow (UTC): the fixture's payments fall in it even when the test runs across midnight.
    public static string AroundToday()
    {
        var today = ReportPeriod.DayOf(DateTimeOffset.UtcNow);
        return $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
    }
}
