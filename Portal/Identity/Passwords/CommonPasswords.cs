using System.IO.Compression;
using System.Text;

namespace Portal.Identity.Passwords;

/// <summary>
/// The common and breached passwords Portal refuses: the 100,000 most frequent of the SecLists "10 million passwords"
/// list (OWASP SecLists, CC BY-SA 3.0) and every entry of 12 or more characters in its top million, lower-cased,
/// shipped gzip-compressed in the assembly.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "Portal.Identity.Passwords.common-passwords.txt.gz";

    /// <summary>
    /// Read through on every check rather than held: a password is set rarely, and 140,000 strings kept for that would
    /// cost every instance megabytes for its lifetime.
    /// </summary>
    public static bool Contains(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var candidate = Normalize(password);
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (string.Equals(line, candidate, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What a person would call the same password: compatibility-composed, trimmed, lower-cased.</summary>
    public static string Normalize(string password) =>
        password.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
