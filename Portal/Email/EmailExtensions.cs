using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Email;

public static class EmailExtensions
{
    /// <summary>
    /// Mail to staff: into the development mailbox when <c>Email:Mailbox:Enabled</c> (appsettings.Development.json turns
    /// it on), otherwise nowhere until a transport is added here. Identity's mails go the same way.
    /// </summary>
    public static IHostApplicationBuilder AddStaffEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.Section).ValidateOnStart();
        var mailbox = builder.Configuration.GetSection(MailboxOptions.Section).Get<MailboxOptions>() ?? new MailboxOptions();
        if (mailbox.Enabled)
        {
            builder.Services.AddSingleton<IStaffMailer, MailboxMailer>();
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
