using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Email;

public static class EmailExtensions
{
    /// <summary>
    /// Mail to staff: into the development mailbox when <c>Email:Mailbox:Enabled</c> (appsettings.Development.json turns
    /// it on), else to the SMTP server of <c>Email:Smtp</c>, else nowhere (said in the log each time). Identity's mails
    /// go the same way.
    /// </summary>
    public static IHostApplicationBuilder AddStaffEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.From), "Email:Smtp:From is required with Email:Smtp:Host.")
            .ValidateOnStart();
        var mailbox = builder.Configuration.GetSection(MailboxOptions.Section).Get<MailboxOptions>() ?? new MailboxOptions();
        var smtp = builder.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (mailbox.Enabled)
        {
            builder.Services.AddSingleton<IStaffMailer, MailboxMailer>();
        }
        else if (smtp.IsConfigured)
        {
            builder.Services.AddSingleton<IStaffMailer, SmtpMailer>();
        }
        else
        {
            builder.Services.AddSingleton<IStaffMailer, UnsentMailer>();
        }
        builder.Services.AddSingleton<IEmailSender<PortalUser>, PortalEmailSender>();
        builder.Services.AddScoped<MailboxQueries>();
        return builder;
    }
}
