using Microsoft.AspNetCore.WebUtilities;
using Portal.Admin.Payments;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Tests.Components.Admin;

public sealed class PaymentFilterReaderTests
{
    private static readonly Currency Cny = Currency.CNY;

    [Fact]
    public void Read_AllFilters_ReadsEachOne()
    {
        var reading = Read("?status=failed&method=Fast&from=2026-11-01&to=2026-11-25&min=10.5&max=99.99&q=ORD-1&all=true");

        Assert.True(reading.IsValid);
        Assert.Equal(PaymentStatus.Failed, reading.Filter.Status);
        Assert.Equal(PaymentMethod.Fast, reading.Filter.Method);
        Assert.Equal(new DateOnly(2026, 11, 1), reading.Filter.From);
        Assert.Equal(new DateOnly(2026, 11, 25), reading.Filter.To);
        Assert.Equal(1050, reading.Filter.MinAmount?.MinorUnits);
        Assert.Equal(9999, reading.Filter.MaxAmount?.MinorUnits);
        Assert.Equal("ORD-1", reading.Filter.Search);
        Assert.True(reading.Filter.IncludeAbandoned);
    }

    [Fact]
    public void Read_AmountInYen_IsWholeMinorUnits()
    {
        var reading = PaymentFilterReader.Read(QueryHelpers.ParseQuery("?min=1500"), Currency.FromCode("JPY"));

        Assert.Equal(1500, reading.Filter.MinAmount?.MinorUnits);
    }

    [Theory]
    [InlineData("?min=12.345", "min")]
    [InlineData("?min=abc", "min")]
    [InlineData("?max=-5", "max")]
    [InlineData("?max=1e3", "max")]
    [InlineData("?status=Paid", "status")]
    [InlineData("?status=2", "status")]
    [InlineData("?method=Card", "method")]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?all=maybe", "all")]
    [InlineData("?status=Failed&status=Succeeded", "status")]
    public void Read_MalformedValue_IsIgnoredAndNamed(string query, string key)
    {
        var reading = Read(query);

        Assert.False(reading.IsValid);
        Assert.Contains(key, reading.Problems.Keys);
        Assert.Equal(PaymentFilter.None, reading.Filter);
    }

    [Fact]
    public void Read_RangeEndingBeforeItStarts_KeepsTheStartOnly()
    {
        var reading = Read("?from=2026-11-20&to=2026-11-10");

        Assert.Equal(new DateOnly(2026, 11, 20), reading.Filter.From);
        Assert.Null(reading.Filter.To);
        Assert.Contains("to", reading.Problems.Keys);
    }

    [Fact]
    public void Read_MaximumBelowMinimum_KeepsTheMinimumOnly()
    {
        var reading = Read("?min=50&max=20");

        Assert.Equal(5000, reading.Filter.MinAmount?.MinorUnits);
        Assert.Null(reading.Filter.MaxAmount);
        Assert.Contains("max", reading.Problems.Keys);
    }

    [Fact]
    public void Read_TooLongSearch_IsIgnored()
    {
        var reading = Read("?q=" + new string('x', PaymentFilterReader.SearchMaxLength + 1));

        Assert.Null(reading.Filter.Search);
        Assert.Contains("q", reading.Problems.Keys);
    }

    [Fact]
    public void Read_TenThousandCharacterSearch_SaysWhatASearchMayBe()
    {
        var reading = Read("?q=" + new string('7', 10_000));

        Assert.Null(reading.Filter.Search);
        Assert.Contains("at most 64 characters", Assert.Single(reading.Problems["q"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SearchWithALoneSurrogate_IsIgnored()
    {
        var reading = PaymentFilterReader.Read(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["q"] = "ORD-\ud800" }, Cny);

        Assert.Null(reading.Filter.Search);
        Assert.Contains("q", reading.Problems.Keys);
    }

    [Fact]
    public void ToQueryString_ReadBack_GivesTheSameFilter()
    {
        var filter = Read("?status=Succeeded&method=RealTime&from=2026-11-01&to=2026-11-02&min=0.01&max=100&q=A%26B%3DC").Filter;

        var again = Read("?" + filter.ToQueryString()).Filter;

        Assert.Equal(filter, again);
    }

    [Fact]
    public void ToQueryString_NoFilter_IsEmpty()
    {
        Assert.Equal("", PaymentFilter.None.ToQueryString());
    }

    private static PaymentFilterReading Read(string query) => PaymentFilterReader.Read(QueryHelpers.ParseQuery(query), Cny);
}
