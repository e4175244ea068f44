using System.Text;
using Portal.Domain.Rails;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class MessageSignerTests
{
    private const string Secret = "portal-test-signing-secret-0123456789";
    private const string Nonce = "0195a8e2-7c1d-7b3e-9a00-1234567890ab";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"orderId":"0195a8e2","amount":"250.00","currency":"CNY"}""");

    private static readonly MessageScope Scope = MessageScope.Request("POST", "/sandbox/bank/v1/orders");

    private readonly MessageSigner _signer = new(Secret);
    private readonly string _timestamp = MessageSigner.FormatTimestamp(TestClock.Now);

    [Fact]
    public void Verify_SignatureOfSameBytes_IsValid()
    {
        var signature = _signer.Sign(Scope, _timestamp, Nonce, Body);

        Assert.Equal(SignatureCheck.Valid, _signer.Verify(Scope, _timestamp, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_UppercaseHexSignature_IsValid()
    {
        var signed = _signer.Sign(Scope, _timestamp, Nonce, Body);
        var signature = signed[..(signed.IndexOf("sig=", StringComparison.Ordinal) + 4)] + signed[(signed.IndexOf("sig=", StringComparison.Ordinal) + 4)..].ToUpperInvariant();

        Assert.Equal(SignatureCheck.Valid, _signer.Verify(Scope, _timestamp, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_TamperedBody_IsBadSignature()
    {
        var signature = _signer.Sign(Scope, _timestamp, Nonce, Body);
        var tampered = Encoding.UTF8.GetBytes("""{"orderId":"0195a8e2","amount":"2500.00","currency":"CNY"}""");

        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(Scope, _timestamp, Nonce, signature, tampered, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_OtherNonce_IsBadSignature()
    {
        var signature = _signer.Sign(Scope, _timestamp, Nonce, Body);

        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(Scope, _timestamp, "another-order", signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_OtherTimestamp_IsBadSignature()
    {
        var signature = _signer.Sign(Scope, _timestamp, Nonce, Body);
        var later = MessageSigner.FormatTimestamp(TestClock.Now.AddSeconds(1));

        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(Scope, later, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_SignedWithWrongSecret_IsBadSignature()
    {
        var signature = new MessageSigner("another-secret-of-at-least-32-characters").Sign(Scope, _timestamp, Nonce, Body);

        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(Scope, _timestamp, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void Verify_SignatureNotSixtyFourHexDigits_IsBadSignature(string signature)
    {
        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(Scope, _timestamp, Nonce, $"keyId=default,sig={signature}", Body,
            TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_TimestampOlderThanTolerance_IsStale()
    {
        var old = MessageSigner.FormatTimestamp(TestClock.Now - Tolerance - TimeSpan.FromSeconds(1));
        var signature = _signer.Sign(Scope, old, Nonce, Body);

        Assert.Equal(SignatureCheck.Stale, _signer.Verify(Scope, old, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_TimestampTooFarInFuture_IsStale()
    {
        var future = MessageSigner.FormatTimestamp(TestClock.Now + Tolerance + TimeSpan.FromSeconds(1));
        var signature = _signer.Sign(Scope, future, Nonce, Body);

        Assert.Equal(SignatureCheck.Stale, _signer.Verify(Scope, future, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_TimestampBeyondYear9999_IsStale()
    {
        const string farFuture = "999999999999";
        var signature = _signer.Sign(Scope, farFuture, Nonce, Body);

        Assert.Equal(SignatureCheck.Stale, _signer.Verify(Scope, farFuture, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_TimestampWithinTolerance_IsValid()
    {
        var recent = MessageSigner.FormatTimestamp(TestClock.Now - Tolerance + TimeSpan.FromSeconds(1));
        var signature = _signer.Sign(Scope, recent, Nonce, Body);

        Assert.Equal(SignatureCheck.Valid, _signer.Verify(Scope, recent, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1772442000")]
    [InlineData("1772442000.5")]
    [InlineData("17e8")]
    [InlineData("99999999999999999999")]
    public void Verify_MalformedTimestamp_IsMalformed(string? timestamp)
    {
        var signature = _signer.Sign(Scope, timestamp ?? "", Nonce, Body);

        Assert.Equal(SignatureCheck.Malformed, _signer.Verify(Scope, timestamp, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_MissingNonce_IsMalformed()
    {
        Assert.Equal(SignatureCheck.Malformed, _signer.Verify(Scope, _timestamp, null, "keyId=default,sig=" + new string('0', 64), Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_NonceLongerThanHundred_IsMalformed()
    {
        var nonce = new string('n', 101);
        var signature = _signer.Sign(Scope, _timestamp, nonce, Body);

        Assert.Equal(SignatureCheck.Malformed, _signer.Verify(Scope, _timestamp, nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_MissingSignature_IsMalformed()
    {
        Assert.Equal(SignatureCheck.Malformed, _signer.Verify(Scope, _timestamp, Nonce, "", Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Sign_SameInput_IsDeterministicLowercaseHex()
    {
        var signature = _signer.Sign(Scope, _timestamp, Nonce, Body);

        Assert.Equal(signature, _signer.Sign(Scope, _timestamp, Nonce, Body));
        Assert.Matches("^keyId=default,sig=[0-9a-f]{64}$", signature);
    }

    [Fact]
    public void Constructor_SecretShorterThan32_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MessageSigner("too-short"));
    }

    [Fact]
    public void Verify_RequestMovedToAnotherPath_IsBadSignature()
    {
        var signature = _signer.Sign(MessageScope.Request("GET", "/sandbox/bank/v1/orders/a"), _timestamp, Nonce, Body);

        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(MessageScope.Request("GET", "/sandbox/bank/v1/orders/b"),
            _timestamp, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_AnswerWithAnotherStatus_IsBadSignature()
    {
        var signature = _signer.Sign(MessageScope.Answer(200, "GET", "/o/a"), _timestamp, Nonce, Body);

        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(MessageScope.Answer(404, "GET", "/o/a"),
            _timestamp, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_RequestSignatureOfferedForAnAnswer_IsBadSignature()
    {
        var signature = _signer.Sign(MessageScope.Request("GET", "/o/a"), _timestamp, Nonce, Body);

        Assert.Equal(SignatureCheck.BadSignature, _signer.Verify(MessageScope.Answer(200, "GET", "/o/a"),
            _timestamp, Nonce, signature, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_OldKeyInsideItsWindow_IsValid()
    {
        var old = new MessageSigner(Secret).Sign(Scope, _timestamp, Nonce, Body);
        var rotated = new MessageSigner([new SigningKey("2027", "a-new-secret-of-at-least-32-characters"),
            new SigningKey(MessageSigner.DefaultKeyId, Secret, TestClock.Now.AddMinutes(1))]);

        Assert.Equal(SignatureCheck.Valid, rotated.Verify(Scope, _timestamp, Nonce, old, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_OldKeyPastItsWindow_IsUnknownKey()
    {
        var old = new MessageSigner(Secret).Sign(Scope, _timestamp, Nonce, Body);
        var rotated = new MessageSigner([new SigningKey("2027", "a-new-secret-of-at-least-32-characters"),
            new SigningKey(MessageSigner.DefaultKeyId, Secret, TestClock.Now.AddSeconds(-1))]);

        Assert.Equal(SignatureCheck.UnknownKey, rotated.Verify(Scope, _timestamp, Nonce, old, Body, TestClock.Now, Tolerance));
    }

    [Fact]
    public void Verify_KeyIdChangedToAnotherHeldKey_IsBadSignature()
    {
        var signed = new MessageSigner([new SigningKey("a", Secret), new SigningKey("b", Secret)]).Sign(Scope, _timestamp, Nonce, Body);

        Assert.Equal(SignatureCheck.BadSignature, new MessageSigner([new SigningKey("a", Secret), new SigningKey("b", Secret)])
            .Verify(Scope, _timestamp, Nonce, signed.Replace("keyId=a", "keyId=b", StringComparison.Ordinal), Body, TestClock.Now, Tolerance));
    }
}
