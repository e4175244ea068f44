using System.Security.Cryptography;

namespace Portal.Domain.Checkouts;

/// <summary>The unguessable part of <c>/pay/{token}</c>: 160 random bits, URL-safe, and nothing else.</summary>
public static class CheckoutToken
{
    public const int Length = 27;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A cheap shape check, so that a malformed token never reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
