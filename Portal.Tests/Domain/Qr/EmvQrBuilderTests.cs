using Portal.Domain.Qr;

namespace Portal.Tests.Domain.Qr;

public sealed class EmvQrBuilderTests
{
    [Fact]
    public void Build_AnyObjects_ParsesWithFormatFirstAndCrcLast()
    {
        var payload = new EmvQrBuilder().Dynamic().Add("58", "CN").Add("52", "5812").Build();

        var code = EmvQrCode.Parse(payload);

        Assert.Equal(["00", "01", "52", "58", "63"], code.Objects.Select(o => o.Id));
    }

    [Fact]
    public void Build_AstralCharacters_LengthCountsCodePoints()
    {
        var payload = new EmvQrBuilder().Add("59", "Tea 🍵 House").Build();

        Assert.Contains("5911Tea 🍵 House", payload);
        Assert.Equal("Tea 🍵 House", EmvQrCode.Parse(payload).MerchantName);
    }

    [Fact]
    public void Add_ValueOf99Characters_IsWritten()
    {
        var payload = new EmvQrBuilder().Add("59", new string('A', 99)).Build();

        Assert.Equal(99, EmvQrCode.Parse(payload).Find("59")!.Length);
    }

    [Fact]
    public void Add_ValueOver99Characters_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EmvQrBuilder().Add("59", new string('A', 100)));
    }

    [Fact]
    public void AddTemplate_SubObjectsOver99Characters_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EmvQrBuilder().AddTemplate("26", ("00", new string('a', 50)), ("01", new string('b', 50))));
    }

    [Theory]
    [InlineData("Tea\nHouse")]
    [InlineData("Tea\tHouse")]
    [InlineData("Tea\u2028House")]
    [InlineData("")]
    public void Add_ValueThatBreaksTheFormat_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => new EmvQrBuilder().Add("59", value));
    }

    [Fact]
    public void Add_ValueWithLoneSurrogate_Throws()
    {
        // A Fact, not InlineData: theory data is serialised and a lone surrogate would arrive as U+FFFD.
        Assert.Throws<ArgumentException>(() => new EmvQrBuilder().Add("59", "Tea\uD83DHouse"));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("01")]
    [InlineData("63")]
    public void Add_IdTheBuilderWrites_Throws(string id)
    {
        Assert.Throws<ArgumentException>(() => new EmvQrBuilder().Add(id, "12"));
    }

    [Fact]
    public void Add_TemplateIdWithRawValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EmvQrBuilder().Add("62", "0503***"));
    }

    [Fact]
    public void Add_SameIdTwice_Throws()
    {
        var builder = new EmvQrBuilder().Add("58", "CN");

        Assert.Throws<ArgumentException>(() => builder.Add("58", "HK"));
    }
}
