using Portal.Admin.Dashboard;

namespace Portal.Tests.Components.Admin;

public sealed class PercentilesTests
{
    [Fact]
    public void Of_Median_IsTheMiddleValue()
    {
        Assert.Equal(3, Percentiles.Of<int>([1, 2, 3, 4, 5], 50));
    }

    [Fact]
    public void Of_P95OfTwenty_IsTheNineteenth()
    {
        Assert.Equal(19, Percentiles.Of(Enumerable.Range(1, 20).ToArray(), 95));
    }

    [Fact]
    public void Of_NoValues_IsNull()
    {
        Assert.Null(Percentiles.Of<int>([], 50));
    }
}
