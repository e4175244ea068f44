using Microsoft.EntityFrameworkCore;
using Portal.SandboxBank;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Sandbox;

/// <summary>
/// The sandbox bank run alone as a process, and a Portal (the real app on Kestrel) that does not embed it
/// (<c>SandboxBank:Enabled=false</c>) but pays through it: <c>Rail:BaseUrl</c> and <c>Rail:SigningSecret</c> as a second
/// Portal sharing the bank would have them.
/// </summary>
public sealed class StandaloneBankFixture : IAsyncLifetime
{
    public const string Secret = "standalone-bank-test-secret-0123456789abcdef";

    private readonly string _bankDirectory = TestPaths.NewTempDirectory("standalone-bank");

    public SandboxBankProcess Bank { get; private set; } = default!;

    public PortalApp Portal { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Bank = await SandboxBankProcess.StartAsync(_bankDirectory, Secret);
        Portal = new PortalApp(new Dictionary<string, string?>
        {
            ["SandboxBank:Enabled"] = "false",
            ["Rail:BaseUrl"] = Bank.BaseAddress.ToString(),
            ["Rail:SigningSecret"] = Secret,
        });
        _ = Portal.BaseAddress; // starts it
    }

    /// <summary>The bank's own database, read the way only a test may: Portal itself reaches the bank over HTTP alone.</summary>
    public SandboxBankDbContext OpenBankDatabase() =>
        new(new DbContextOptionsBuilder<SandboxBankDbContext>()
            .UseSqlite($"Data Source={Bank.DatabaseFile};Pooling=False").Options);

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Bank.DisposeAsync();
        TestPaths.TryDelete(_bankDirectory);
    }
}
