using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Production;

/// <summary>
/// `dotnet Portal.dll create-operator` makes a production database's first platform operator: without a password and
/// with a one-time link to choose one, or with a password read from standard input; never a second one.
/// </summary>
public sealed partial class CreateOperatorCommandTests : IAsyncLifetime
{
    private const string Email = "ops@portal.test";
    private const string Password = "Operator!Pass789";
    private const string PublicBaseUrl = "https://pay.portal.test/";

    private readonly ProductionPortal _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task CreateOperator_OnPostgres_LinkLetsOperatorChoosePasswordAndSignIn()
    {
        await using var database = PostgresDatabase.Create();
        var settings = ProductionPortal.Settings([.. database.Settings.Select(s => (s.Key, s.Value))]);
        await _portal.RunAsync(settings, "migrate");

        var (exitCode, output) = await _portal.RunAsync(settings, $"create-operator --email {Email}");
        var link = new Uri(ResetLink().Match(output).Value);

        Assert.Equal(0, exitCode);
        Assert.Contains("1 day", output, StringComparison.Ordinal);
        var portal = await _portal.StartAsync(settings);
        using var http = StaffHttpClient.Anonymous(portal.BaseAddress, viaTlsProxy: true);
        using var reset = await StaffHttpClient.SubmitFormAsync(http, link.PathAndQuery.TrimStart('/'), new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var signedIn = await StaffHttpClient.SignInAsync(portal.BaseAddress, Email, Password, viaTlsProxy: true);
    }

    [Fact]
    public async Task CreateOperator_OperatorExists_Refuses()
    {
        var settings = ProductionPortal.Settings();
        await _portal.RunAsync(settings, "migrate");
        await _portal.RunAsync(settings, $"create-operator --email {Email}");

        var (exitCode, output) = await _portal.RunAsync(settings, "create-operator --email second@portal.test");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Portal has an operator already ({Email})", output, StringComparison.Ordinal);
        Assert.Empty(ProductionPortal.StackTraceLines(output));
    }

    [Fact]
    public async Task CreateOperator_MalformedEmail_Refuses()
    {
        var settings = ProductionPortal.Settings();
        await _portal.RunAsync(settings, "migrate");

        var (exitCode, output) = await _portal.RunAsync(settings, "create-operator --email ops.portal.test");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("'ops.portal.test' is not an email address", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOperator_PasswordPrompt_ReadsPasswordFromStandardInput()
    {
        var settings = ProductionPortal.Settings();
        await _portal.RunAsync(settings, "migrate");

        var command = _portal.Launch(settings, $"create-operator --email {Email} --password-prompt");
        await command.WriteLineAsync(Password);

        Assert.Equal(0, await command.WaitForExitAsync());
        Assert.DoesNotContain(Password, command.Output, StringComparison.Ordinal);
        var portal = await _portal.StartAsync(settings);
        using var signedIn = await StaffHttpClient.SignInAsync(portal.BaseAddress, Email, Password, viaTlsProxy: true);
    }

    [Fact]
    public async Task CreateOperator_AfterMigrate_BothAreInTheOperatorsAuditLog()
    {
        var settings = ProductionPortal.Settings();
        await _portal.RunAsync(settings, "migrate");

        await _portal.RunAsync(settings, $"create-operator --email {Email}");

        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_portal.DataDirectory, "portal.db")};Pooling=false");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT Action, ActorName, Summary FROM AuditEntries WHERE MerchantId IS NULL ORDER BY At";
        var entries = new List<(string Action, string Actor, string Summary)>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                entries.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        Assert.Equal([Portal.Audit.OperatorAuditActions.DatabaseMigrated, Portal.Audit.OperatorAuditActions.OperatorCreated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(Portal.Audit.OperatorAudit.CommandLineActor, e.Actor));
        Assert.Contains(Email, entries[1].Summary, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https://pay\.portal\.test/Account/ResetPassword\?code=\S+")]
    private static partial Regex ResetLink();
}
