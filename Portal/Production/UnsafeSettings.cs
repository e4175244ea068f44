using Portal.Email;
using Portal.Pay;
using Portal.Rails;
using Portal.Sandbox;
using Portal.SandboxBank;
using Portal.Webhooks;

namespace Portal.Production;

/// <summary>
/// The settings Portal refuses outside Development, each rule a sentence that names the setting and what to set it to.
/// They are what a demo needs and a deployment must not have: secrets everyone can read in this repository, a mail page
/// open to anyone, links that cannot reach customers, a bank that accepts any payer.
/// </summary>
public static class UnsafeSettings
{
    public const int MinimumSecretLength = 32;
    public const int MinimumStaffPasswordLength = 12;

    /// <summary>Every unsafe setting, in the order an operator would fix them; none in Development.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            return [];
        }
        var published = DevelopmentSecrets(environment);
        var bankOff = SandboxBankSwitch.IsEnabled(configuration, environment) == false;
        return new[]
        {
            SigningSecrets(configuration, RailOptions.Section, published),
            bankOff ? null : SigningSecrets(configuration, SandboxBankOptions.Section, published),
            RailBaseUrl(configuration),
            Mailbox(configuration),
            PublicBaseUrl(configuration),
            SandboxBank(configuration),
            WebhookNetworks(configuration),
            StaffPasswordLength(configuration),
        }.OfType<string>().ToList();
    }

    // Every key of a rotation verifies, so every key's secret must be one of the operator's own.
    private static string? SigningSecrets(IConfiguration configuration, string section, IReadOnlySet<string> published)
    {
        var keys = configuration.GetSection($"{section}:SigningKeys").GetChildren().ToList();
        if (keys.Count == 0)
        {
            return SigningSecret(configuration, $"{section}:SigningSecret", $"{section}__SigningSecret", published);
        }
        var problems = keys
            .Select(key => SigningSecret(configuration, $"{key.Path}:Secret", $"{key.Path.Replace(":", "__", StringComparison.Ordinal)}__Secret", published))
            .OfType<string>()
            .ToList();
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private static string? SigningSecret(IConfiguration configuration, string setting, string variable, IReadOnlySet<string> published)
    {
        var secret = configuration[setting];
        if (string.IsNullOrWhiteSpace(secret))
        {
            return $"{setting} is not set; set it (environment variable {variable}) to a secret of your own, " +
                   $"at least {MinimumSecretLength} characters.";
        }
        if (published.Contains(secret) || secret.StartsWith("development-", StringComparison.OrdinalIgnoreCase))
        {
            return $"{setting} is a development value published with Portal; set it to a secret of your own, " +
                   $"at least {MinimumSecretLength} characters.";
        }
        return secret.Length < MinimumSecretLength
            ? $"{setting} is {secret.Length} characters long; set a secret of at least {MinimumSecretLength}."
            : null;
    }

    // The rail's answers decide whether money moved, so they travel over TLS. Signatures already stop tampering, but
    // not reading: orders carry PINs and account numbers. Loopback never leaves the machine (the bank run beside Portal,
    // the tests); a private network such as docker/compose.instances.yaml's must be said with Rail:AllowInsecureHttp.
    private static string? RailBaseUrl(IConfiguration configuration)
    {
        var setting = $"{RailOptions.Section}:{nameof(RailOptions.BaseUrl)}";
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value) ||
            configuration.GetValue<bool>($"{RailOptions.Section}:{nameof(RailOptions.AllowInsecureHttp)}") ||
            (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.IsLoopback)))
        {
            return null;
        }
        return $"{setting} is '{value}', not an https address; set it to your acquirer's https address (or, for a sandbox " +
               $"bank on a private network, {RailOptions.Section}:{nameof(RailOptions.AllowInsecureHttp)}=true).";
    }

    private static string? Mailbox(IConfiguration configuration) =>
        configuration.GetValue<bool>(MailboxOptions.Section + ":" + nameof(MailboxOptions.Enabled))
            ? $"{MailboxOptions.Section}:{nameof(MailboxOptions.Enabled)} is true, which shows every staff mail (invitations, " +
              "password resets) to anyone at /dev/mailbox; set it to false."
            : null;

    private static string? PublicBaseUrl(IConfiguration configuration)
    {
        var setting = $"{CheckoutOptions.Section}:{nameof(CheckoutOptions.PublicBaseUrl)}";
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{setting} is not set; set it to the https address customers reach Portal at, e.g. https://pay.example.com/.";
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? null
            : $"{setting} is '{value}', not an https address; set it to the https address customers reach Portal at.";
    }

    private static string? SandboxBank(IConfiguration configuration)
    {
        if (SandboxBankSwitch.HasRail(configuration))
        {
            return null;
        }
        return SandboxBankSwitch.Configured(configuration) switch
        {
            null => $"{SandboxBankSwitch.Setting} is not set and Rail:BaseUrl is empty; set Rail:BaseUrl to your acquirer, " +
                    $"or {SandboxBankSwitch.Setting}=true for a staging deployment.",
            false => $"{SandboxBankSwitch.Setting} is false and Rail:BaseUrl is empty, so Portal has no rail to pay through; " +
                     "set Rail:BaseUrl to your acquirer.",
            true => null,
        };
    }

    // An owner picks a webhook's URL and reads what came back: with these on, that is a way into the network behind Portal
    // (loopback, cloud metadata, internal services) or a channel that anyone on the path can read.
    private static string? WebhookNetworks(IConfiguration configuration)
    {
        var settings = new[] { nameof(WebhookOptions.AllowPrivateNetworks), nameof(WebhookOptions.AllowHttp) }
            .Select(name => $"{WebhookOptions.Section}:{name}")
            .Where(setting => configuration.GetValue<bool>(setting))
            .ToList();
        return settings.Count == 0
            ? null
            : $"{string.Join(" and ", settings)} {(settings.Count == 1 ? "is" : "are")} true, which lets an owner point webhooks at " +
              "this machine, a private network or a plain http address; set it to false (webhooks go to public https servers only).";
    }

    // ASVS level 2 asks 12 at least; the setting exists to ask more, and a developer may try fewer on their machine.
    private static string? StaffPasswordLength(IConfiguration configuration)
    {
        var setting = $"{Identity.StaffAccountOptions.Section}:Passwords:RequiredLength";
        var length = configuration.GetValue<int?>(setting);
        return length < MinimumStaffPasswordLength
            ? $"{setting} is {length}; staff passwords need at least {MinimumStaffPasswordLength} characters, set it to {MinimumStaffPasswordLength} or more."
            : null;
    }

    // The values appsettings.Development.json publishes, whatever they are today; "development-…" covers older ones.
    private static IReadOnlySet<string> DevelopmentSecrets(IHostEnvironment environment)
    {
        var development = new ConfigurationBuilder()
            .SetBasePath(environment.ContentRootPath)
            .AddJsonFile($"appsettings.{Environments.Development}.json", optional: true, reloadOnChange: false)
            .Build();
        return new[] { RailOptions.Section, SandboxBankOptions.Section }
            .Select(section => development[$"{section}:SigningSecret"])
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
