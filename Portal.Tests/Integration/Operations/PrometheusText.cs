using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Tests.Integration.Operations;

/// <summary>Reads the Prometheus text exposition format as a scraper does: one sample per line, name{labels} value.</summary>
public static partial class PrometheusText
{
    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/>; 0 when none.</summary>
    public static double Sum(string text, string name, params (string Label, string Value)[] labels)
    {
        var sum = 0d;
        foreach (var line in text.Split('\n'))
        {
            var sample = Sample().Match(line);
            if (!sample.Success || sample.Groups["name"].Value != name)
            {
                continue;
            }
            var present = Label().Matches(sample.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            if (labels.All(l => present.TryGetValue(l.Label, out var value) && value == l.Value))
            {
                sum += double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        return sum;
    }

    /// <summary>Whether any sample of <paramref name="name"/> is there at all.</summary>
    public static bool Has(string text, string name) =>
        text.Split('\n').Any(line => Sample().Match(line) is { Success: true } m && m.Groups["name"].Value == name);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Label();
}
