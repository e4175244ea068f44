namespace Portal.Tests.Infrastructure;

/// <summary>
/// Settings with which Portal starts outside Development: what the README's Deploy section asks an operator for. A test
/// of one unsafe setting starts from these and spoils that one.
/// </summary>
public static class ProductionSettings
{
    public const string SigningSecret = "test-only-rail-signing-secret-not-a-development-value-4f9c";

    /// <summary>Behind a TLS-terminating proxy on the same machine, as <see cref="TlsProxyHandler"/> plays it.</summary>
    public static KeyValuePair<string, string?> BehindLocalProxy { get; } = new("ForwardedHeaders:KnownProxies", "127.0.0.1");

    public static Dictionary<string, string?> Safe(string publicBaseUrl = "https://pay.portal.test/") => new()
    {
        ["Rail:SigningSecret"] = SigningSecret,
        ["SandboxBank:SigningSecret"] = SigningSecret,
        // A staging deployment's embedded bank, said explicitly.
        ["SandboxBank:Enabled"] = "true",
        ["Checkout:PublicBaseUrl"] = publicBaseUrl,
        ["Email:Mailbox:Enabled"] = "false",
        ["Database:MigrateOnStartup"] = "true",
    };
}
