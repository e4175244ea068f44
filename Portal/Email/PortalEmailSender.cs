using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Email;

/// <summary>Identity's mails, written for Portal's staff and handed to <see cref="IStaffMailer"/>.</summary>
internal sealed class PortalEmailSender(IStaffMailer mailer) : IEmailSender<PortalUser>
{
    // Identity's pages hand over links HTML-encoded (for an <a href>); the mails here are plain text.
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        mailer.SendAsync(new StaffEmail(email, "Confirm your email for Portal",
            $"Hello {user.DisplayName},\n\nconfirm your email address for Portal by opening the link below.",
            System.Net.WebUtility.HtmlDecode(confirmationLink)));

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        mailer.SendAsync(new StaffEmail(email, "Reset your Portal password",
            $"Hello {user.DisplayName},\n\nsomeone asked to reset the password of your Portal account. Open the link below to " +
            "choose a new one. If it was not you, ignore this mail: your password stays as it is.",
            System.Net.WebUtility.HtmlDecode(resetLink)));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        mailer.SendAsync(new StaffEmail(email, "Reset your Portal password",
            $"Hello {user.DisplayName},\n\nyour password reset code is {resetCode}."));
}
