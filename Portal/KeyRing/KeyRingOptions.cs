namespace Portal.KeyRing;

/// <summary>
/// Section "DataProtection": the certificate that encrypts Portal's key ring at rest. The keys themselves live in
/// Portal's database (every instance and every restart reads the same ring); without a certificate anyone who can read
/// that table can forge sign-in cookies and decrypt webhook secrets.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>The certificate new keys are encrypted with, and that decrypts them. Defaults to none.</summary>
    public KeyRingCertificate? Certificate { get; set; }

    /// <summary>
    /// Certificates that only decrypt: the ones replaced by <see cref="Certificate"/>, kept until every key they
    /// encrypted has expired (90 days). Defaults to none.
    /// </summary>
    public List<KeyRingCertificate> PreviousCertificates { get; set; } = [];
}
