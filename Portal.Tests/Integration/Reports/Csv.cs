namespace Portal.Tests.Integration.Reports;

/// <summary>Reads the reports' CSV in tests: records by line (the reports never put a line break in a field).</summary>
public static class Csv
{
    public static string[] Lines(string body) =>
        body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The fields of a record without quoted commas, as the settlement report's are.</summary>
    public static string[] Fields(string line) => line.Split(',');
}
