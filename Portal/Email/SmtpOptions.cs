using System.ComponentModel.DataAnnotations;

namespace Portal.Email;

/// <summary>Section <c>Email:Smtp</c>: the mail server staff mail goes through in production.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    /// <summary>The server's host name; mail is sent over SMTP only when it is set. Defaults to none.</summary>
    public string? Host { get; set; }

    /// <summary>Defaults to 587 (submission with STARTTLS).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (upgrade on the submission port, required), <c>SslOnConnect</c> (port 465) or <c>None</c> (a relay
    /// on the same host or network only). Defaults to <c>StartTls</c>.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Signs in with these when a user name is set. From the environment or a secret store.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, e.g. <c>portal@shop.example</c>. Required with <see cref="Host"/>.</summary>
    [EmailAddress]
    public string? From { get; set; }

    /// <summary>The sender's name. Defaults to "Portal".</summary>
    public string FromName { get; set; } = "Portal";

    /// <summary>How long one mail may take, connection included. Defaults to 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
