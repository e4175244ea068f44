using Portal.Domain.Qr;

namespace Portal.Tests.Domain.Qr;

public sealed class EmvQrVectorTests
{
    [Fact]
    public void VectorsFile_Loaded_HoldsValidAndInvalidLines()
    {
        Assert.True(File.Exists(QrVectors.FilePath), QrVectors.FilePath);
        Assert.NotEmpty(QrVectors.Valid);
        Assert.NotEmpty(QrVectors.Invalid);
    }

    [Theory]
    [MemberData(nameof(QrVectors.Valid), MemberType = typeof(QrVectors))]
    public void TryParse_ValidVector_IsAccepted(string id, string payload, string expected)
    {
        _ = expected;

        var parsed = EmvQrCode.TryParse(payload, out _, out var problem);

        Assert.True(parsed, $"{id}: {problem}");
    }

    [Theory]
    [MemberData(nameof(QrVectors.Valid), MemberType = typeof(QrVectors))]
    public void TryParse_ValidVector_TopLevelValuesMatchExpected(string id, string payload, string expected)
    {
        var code = EmvQrCode.Parse(payload);

        string[] listed = ["00", "01", "52", "53", "54", "58", "59", "60"];
        var actual = listed.Where(tag => code.Find(tag) is not null).Select(tag => (tag, code.Value(tag)!)).ToList();
        Assert.True(QrVectors.ParseExpected(expected).SequenceEqual(actual), $"{id}: {string.Join(";", actual)}");
    }

    [Theory]
    [MemberData(nameof(QrVectors.Invalid), MemberType = typeof(QrVectors))]
    public void TryParse_InvalidVector_IsRejected(string id, string payload, string reason)
    {
        _ = reason;

        var parsed = EmvQrCode.TryParse(payload, out _, out _);

        Assert.False(parsed, id);
    }

    [Theory]
    [MemberData(nameof(QrVectors.Invalid), MemberType = typeof(QrVectors))]
    public void TryParse_InvalidVector_NamesTheDefectItWasMadeWith(string id, string payload, string reason)
    {
        EmvQrCode.TryParse(payload, out _, out var problem);

        Assert.Equal(reason, problem?.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem!.Message), id);
    }
}
