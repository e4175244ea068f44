namespace Portal.Tests.Builders;

/// <summary>A fixed instant for domain tests, so that expiries and step times are exact.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
}
