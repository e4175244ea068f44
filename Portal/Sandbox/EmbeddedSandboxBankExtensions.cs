using Portal.Data;
using Portal.SandboxBank;

namespace Portal.Sandbox;

public static class EmbeddedSandboxBankExtensions
{
    /// <summary>
    /// Embeds the sandbox bank (project Portal.SandboxBank) when <see cref="SandboxBankSwitch"/> says so, its database
    /// beside Portal's own in the data folder (Storage:DataDirectory). Otherwise nothing at all: no database, no
    /// service, and so no endpoint; Portal then pays through the rail at Rail:BaseUrl.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedSandboxBank(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return SandboxBankSwitch.IsEnabled(builder.Configuration, builder.Environment) == true
            ? builder.AddSandboxBank(builder.GetDataDirectory())
            : builder;
    }
}
