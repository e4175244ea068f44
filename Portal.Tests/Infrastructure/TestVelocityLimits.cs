namespace Portal.Tests.Infrastructure;

/// <summary>
/// Velocity limits no test meets by accident: every test app pays, signs in and opens store pages from 127.0.0.1, many
/// times over. A test of the limits sets tight ones of its own, which replace these.
/// </summary>
public static class TestVelocityLimits
{
    public static IEnumerable<KeyValuePair<string, string>> Generous =>
        new[] { "PayPerAddress", "PayPerAccount", "ChoosePerAddress", "StorePerAddress", "AccountFormsPerAddress" }
            .SelectMany(limit => new KeyValuePair<string, string>[]
            {
                new($"VelocityLimits:{limit}:Burst", "1000000"),
                new($"VelocityLimits:{limit}:Every", "00:00:00.001"),
            });
}
