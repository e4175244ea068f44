using Portal.Domain.Qr;

namespace Portal.Tests.Domain.Qr;

public sealed class EmvQrCodeTests
{
    // emvco-spec-example-cn from the shared vectors: dynamic, amount, Chinese language template 64.
    private const string SpecExample = "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A";

    [Fact]
    public void Parse_SpecExample_ExposesTypedValues()
    {
        var code = EmvQrCode.Parse(SpecExample);

        Assert.Equal(
            ("01", "12", "4111", "156", "23.72", "CN", "BEST TRANSPORT", "BEIJING", "A13A"),
            (code.PayloadFormat, code.PointOfInitiation, code.MerchantCategoryCode, code.CurrencyNumeric, code.Amount,
                code.CountryCode, code.MerchantName, code.MerchantCity, code.Crc));
    }

    [Fact]
    public void Find_LanguageTemplate_ExposesSubObjectsCountedInCharacters()
    {
        var template = EmvQrCode.Parse(SpecExample).Find(EmvTags.MerchantLanguage)!;

        Assert.Equal(["ZH", "最佳运输", "北京"], template.SubObjects.Select(o => o.Value));
    }

    [Fact]
    public void MerchantAccounts_SpecExample_AreTemplates29And31()
    {
        var code = EmvQrCode.Parse(SpecExample);

        Assert.Equal(["29", "31"], code.MerchantAccounts.Select(a => a.Id));
    }

    [Fact]
    public void TryParse_AstralCharacterInValue_CountsItAsOneCharacter()
    {
        // The published Pix reference label '1234567890👀12345': 16 code points, 17 UTF-16 units, 19 UTF-8 bytes.
        var body = "000201010212" + "62200516" + "1234567890👀12345" + "6304";
        var payload = body + Crc16CcittFalse.ComputeHex(body);

        var parsed = EmvQrCode.TryParse(payload, out var code, out var problem);

        Assert.True(parsed, problem?.ToString());
        Assert.Equal("1234567890👀12345", code!.Find(EmvTags.AdditionalData)!.Find(EmvTags.ReferenceLabel));
    }

    [Fact]
    public void TryParse_Null_IsEmpty()
    {
        EmvQrCode.TryParse(null, out _, out var problem);

        Assert.Equal(EmvQrReason.Empty, problem!.Reason);
    }

    [Fact]
    public void TryParse_LoneSurrogate_IsBrokenText()
    {
        EmvQrCode.TryParse("000201\uD83D6304ABCD", out _, out var problem);

        Assert.Equal("broken-text", problem!.Code);
    }

    [Fact]
    public void TryParse_PointOfInitiation13_IsRejectedNamingTag01()
    {
        var payload = WithCrc("000201010213" + "5802CN");

        EmvQrCode.TryParse(payload, out _, out var problem);

        Assert.Equal("Tag 01 (point of initiation) must be 11 (static) or 12 (dynamic), not '13'.", problem!.Message);
    }

    [Fact]
    public void TryParse_RepeatedTag_IsRejected()
    {
        var payload = WithCrc("000201" + "5802CN" + "5802CN");

        EmvQrCode.TryParse(payload, out _, out var problem);

        Assert.Equal(EmvQrReason.DuplicateTag, problem!.Reason);
    }

    [Fact]
    public void TryParse_CrcMismatch_SaysTheCodeIsDamaged()
    {
        EmvQrCode.TryParse(SpecExample[..^4] + "A13B", out _, out var problem);

        Assert.Equal("The CRC does not match: the code is damaged or was altered.", problem!.Message);
    }

    [Fact]
    public void TryParse_AmountNotANumber_NamesTag54()
    {
        var payload = WithCrc("000201" + "54041,00");

        EmvQrCode.TryParse(payload, out _, out var problem);

        Assert.StartsWith("Tag 54 (amount) is not a number", problem!.Message);
    }

    [Fact]
    public void Parse_InvalidPayload_ThrowsWithTheProblem()
    {
        var ex = Assert.Throws<EmvQrFormatException>(() => EmvQrCode.Parse("https://example.com/pay"));

        Assert.Equal(EmvQrReason.NotEmv, ex.Problem.Reason);
    }

    private static string WithCrc(string body) => body + "6304" + Crc16CcittFalse.ComputeHex(body + "6304");
}
