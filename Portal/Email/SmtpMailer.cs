using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Email;

/// <summary>
/// Staff mail over SMTP with MailKit: one connection per mail, since staff mail is rare (an invitation, a password
/// reset) and a held connection would only time out between them. The body and its link are never logged.
/// </summary>
internal sealed class SmtpMailer(IOptions<SmtpOptions> options, ILogger<SmtpMailer> logger) : IStaffMailer
{
    public async Task SendAsync(StaffEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        // Registered only with a host, and validated at start to have a sender with it.
        var host = settings.Host!;
        var from = settings.From!;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, from));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain")
        {
            Text = email.Link is null ? email.Body : $"{email.Body}\n\n{email.Link}\n",
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(host, settings.Port, settings.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        }, timeout.Token);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", timeout.Token);
        }
        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
        logger.MailSent(message.MessageId ?? "");
    }
}
