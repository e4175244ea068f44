using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.SandboxBank;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the web host.</summary>
public sealed class SandboxBankDbContextFactory : IDesignTimeDbContextFactory<SandboxBankDbContext>
{
    public SandboxBankDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SandboxBankDbContext>()
            .UseSqlite("Data Source=design-sandbox-bank.db")
            .Options);
}
