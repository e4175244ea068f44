namespace Portal.KeyRing;

/// <summary>A certificate with its private key: a PKCS#12 file (<see cref="Path"/>, <see cref="Password"/>), or one in
/// the user's certificate store by <see cref="Thumbprint"/>.</summary>
public sealed class KeyRingCertificate
{
    public string? Path { get; set; }

    /// <summary>The PKCS#12 file's password; from the environment or a secret store, never from a committed file.</summary>
    public string? Password { get; set; }

    public string? Thumbprint { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Thumbprint);
}
