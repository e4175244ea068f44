using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Portal.Addresses;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Operator;
using Portal.Pay;

namespace Portal.Commands;

/// <summary>
/// <c>dotnet Portal.dll create-operator --email ops@example.com [--password-prompt]</c>: the platform's first operator
/// (<see cref="FirstOperator"/>). Without a password, it prints a one-time link to the reset-password page, built from
/// <c>Checkout:PublicBaseUrl</c>, where the operator chooses one; with <c>--password-prompt</c> it asks for it.
/// </summary>
internal static class CreateOperatorCommand
{
    public static async Task<int> RunAsync(PortalCommand command, IServiceProvider services, TextWriter output)
    {
        var email = command.Option("email")?.Trim() ??
                    throw new DomainException("Say whom to create: create-operator --email ops@example.com.");
        var prompt = command.Has("password-prompt");
        var publicBaseUrl = services.GetRequiredService<IOptions<CheckoutOptions>>().Value.PublicBaseUrl;
        if (!prompt && publicBaseUrl is null)
        {
            throw new DomainException("The password link is built from Checkout:PublicBaseUrl, which is not set; set it, " +
                                      "or choose the password here with --password-prompt.");
        }
        await PortalCommands.EnsureSchemaCurrentAsync(services);

        using var scope = services.CreateScope();
        var firstOperator = scope.ServiceProvider.GetRequiredService<FirstOperator>();
        await firstOperator.EnsureAllowedAsync(email);
        var user = await firstOperator.CreateAsync(email, prompt ? PasswordPrompt.Read(email, output) : null);
        await scope.ServiceProvider.GetRequiredService<OperatorAudit>().RecordCommandAsync(PortalCommands.CreateOperator,
            OperatorAuditActions.OperatorCreated, $"Created the platform operator {user.Email} " +
                                                  (prompt ? "with a password typed at the prompt" : "without a password (reset link printed)"),
            "User", user.Id);
        if (prompt)
        {
            await output.WriteLineAsync($"Created the platform operator {user.Email}; they sign in with the password just given.");
            return 0;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = new PublicLinks(publicBaseUrl!).PasswordResetPage(WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)));
        var lifespan = services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan;
        await output.WriteLineAsync($"Created the platform operator {user.Email}, without a password.");
        await output.WriteLineAsync($"They choose one at this link, which works once and for {Describe(lifespan)}; " +
                                    "whoever holds it can set the password, so hand it over privately:");
        await output.WriteLineAsync($"  {link}");
        return 0;
    }

    // "1 day", "3 hours", "90 minutes": as Identity's token provider was configured.
    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Count((int)span.TotalDays, "day")
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Count((int)span.TotalHours, "hour")
        : Count((int)Math.Ceiling(span.TotalMinutes), "minute");

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
