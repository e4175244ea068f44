namespace Portal.Tests.Integration.Production;

/// <summary>
/// Outside Development Portal does not start with a setting that would be unsafe: it says which setting to change, in a
/// sentence without a stack trace, and exits with a non-zero code. Each case spoils one setting of a safe production set.
/// </summary>
public sealed class UnsafeSettingsTests : IAsyncLifetime
{
    private const string DevelopmentSecret = "development-only-sandbox-bank-secret-0123456789abcdef";

    private readonly ProductionPortal _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("Rail:SigningSecret", null)]
    [InlineData("Rail:SigningSecret", DevelopmentSecret)]
    [InlineData("Rail:SigningSecret", "development-my-own-but-still-a-development-value")]
    [InlineData("Rail:SigningSecret", "too-short-to-be-a-secret")]
    [InlineData("SandboxBank:SigningSecret", null)]
    [InlineData("SandboxBank:SigningSecret", DevelopmentSecret)]
    [InlineData("SandboxBank:SigningSecret", "too-short-to-be-a-secret")]
    [InlineData("Email:Mailbox:Enabled", "true")]
    [InlineData("Checkout:PublicBaseUrl", null)]
    [InlineData("Checkout:PublicBaseUrl", "http://pay.portal.test/")]
    [InlineData("SandboxBank:Enabled", null)]
    [InlineData("SandboxBank:Enabled", "false")]
    [InlineData("Rail:BaseUrl", "http://rail.acquirer.example/")]
    [InlineData("Rail:SigningKeys:0:Secret", DevelopmentSecret)]
    [InlineData("Webhooks:AllowPrivateNetworks", "true")]
    [InlineData("Webhooks:AllowHttp", "true")]
    [InlineData("Staff:Passwords:RequiredLength", "8")]
    public async Task Start_UnsafeSetting_RefusesNamingIt(string setting, string? value)
    {
        var (exitCode, output) = await _portal.RunAsync(ProductionPortal.Settings((setting, value)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.Empty(ProductionPortal.StackTraceLines(output));
    }

    [Fact]
    public async Task Start_BankUnsaidWithoutRail_SaysToSetRailOrEnableTheBank()
    {
        var (_, output) = await _portal.RunAsync(ProductionPortal.Settings(("SandboxBank:Enabled", null)));

        Assert.Contains("set Rail:BaseUrl to your acquirer, or SandboxBank:Enabled=true", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeveralUnsafeSettings_NamesThemAllAtOnce()
    {
        var (exitCode, output) = await _portal.RunAsync(ProductionPortal.Settings(
            ("Rail:SigningSecret", DevelopmentSecret), ("Email:Mailbox:Enabled", "true"), ("Checkout:PublicBaseUrl", null)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Rail:SigningSecret", output, StringComparison.Ordinal);
        Assert.Contains("Email:Mailbox:Enabled", output, StringComparison.Ordinal);
        Assert.Contains("Checkout:PublicBaseUrl", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider is 'Oracle'")]
    [InlineData("Database:Provider", "Postgres", "ConnectionStrings:Portal is not set")]
    [InlineData("Rail:Timeout", "01:00:00", "Timeout must be between")]
    public async Task Start_UnusableSetting_RefusesWithSentence(string setting, string value, string sentence)
    {
        var (exitCode, output) = await _portal.RunAsync(ProductionPortal.Settings((setting, value)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(sentence, output, StringComparison.Ordinal);
        Assert.Empty(ProductionPortal.StackTraceLines(output));
    }
}
