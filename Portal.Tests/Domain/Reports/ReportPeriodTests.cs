using Portal.Domain.Common;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

public sealed class ReportPeriodTests
{
    [Fact]
    public void TryParse_OneDay_CoversMidnightToMidnightUtc()
    {
        var period = ReportPeriod.TryParse("2026-11-25", "2026-11-25", out var errors);

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), period!.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), period.End);
    }

    [Theory]
    [InlineData("2026-13-01", "from")]
    [InlineData("25/11/2026", "from")]
    [InlineData("2026-11-25T00:00", "from")]
    [InlineData("", "from")]
    [InlineData(null, "from")]
    public void TryParse_MalformedDay_NamesTheField(string? from, string field)
    {
        var period = ReportPeriod.TryParse(from, "2026-11-25", out var errors);

        Assert.Null(period);
        Assert.Contains("yyyy-MM-dd", Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Reversed_SaysSwap()
    {
        ReportPeriod.TryParse("2026-11-25", "2026-11-01", out var errors);

        Assert.Contains("swap", Assert.Single(errors["to"]), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_FullLeapYear_Allowed()
    {
        var period = ReportPeriod.TryParse("2028-01-01", "2028-12-31", out _);

        Assert.Equal(366, period!.Days);
    }

    [Fact]
    public void TryParse_367Days_Refused()
    {
        ReportPeriod.TryParse("2026-01-01", "2027-01-02", out var errors);

        Assert.Contains("366", Assert.Single(errors["to"]), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_HugeInput_EchoesOnlyItsStart()
    {
        ReportPeriod.TryParse(new string('9', 10_000), "2026-11-25", out var errors);

        Assert.True(Assert.Single(errors["from"]).Length < 100);
    }

    [Fact]
    public void Create_Reversed_ThrowsValidation()
    {
        var ex = Assert.Throws<DomainValidationException>(() => ReportPeriod.Create(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1)));

        Assert.True(ex.Errors.ContainsKey("to"));
    }
}
