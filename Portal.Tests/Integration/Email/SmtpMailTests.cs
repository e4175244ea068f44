using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Email;

/// <summary>With Email:Smtp set, staff mail leaves Portal over SMTP to the configured server.</summary>
public sealed class SmtpMailTests : IAsyncLifetime
{
    private readonly SmtpSink _sink = new();
    private PortalApp _app = default!;

    public Task InitializeAsync()
    {
        _app = new PortalApp(new Dictionary<string, string?>
        {
            ["Email:Mailbox:Enabled"] = "false",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:From"] = "portal@shop.test",
        });
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task ForgotPassword_SmtpConfigured_ResetLinkMailedThroughServer()
    {
        using var client = StaffHttpClient.Anonymous(_app.BaseAddress);
        using var posted = await StaffHttpClient.SubmitFormAsync(client, "Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = "manager@demo.test" });

        var mail = await _sink.WaitForMailToAsync("manager@demo.test");

        Assert.Equal("portal@shop.test", mail.From);
        Assert.Contains("Subject: Reset your Portal password", mail.Data, StringComparison.Ordinal);
        Assert.Contains("Account/ResetPassword?code=", mail.Data, StringComparison.Ordinal);
    }
}
