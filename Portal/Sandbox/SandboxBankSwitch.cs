using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Portal.Hosting;
using Portal.SandboxBank;

namespace Portal.Sandbox;

/// <summary>
/// Whether Portal embeds the sandbox bank: <c>SandboxBank:Enabled</c> when it is set; otherwise on in Development, off
/// elsewhere when <c>Rail:BaseUrl</c> names a real rail, and undecided (null) elsewhere without one, which production
/// safety refuses: a bank that takes any PIN must never be on because nobody said otherwise.
/// </summary>
public static class SandboxBankSwitch
{
    public const string Setting = SandboxBankOptions.Section + ":" + nameof(SandboxBankOptions.Enabled);

    public static bool? IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (Configured(configuration) is { } configured)
        {
            return configured;
        }
        if (environment.IsDevelopment())
        {
            return true;
        }
        return HasRail(configuration) ? false : null;
    }

    /// <summary>The setting as given, read here rather than by the binder so that a misspelt value is a sentence.</summary>
    public static bool? Configured(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return bool.TryParse(value, out var enabled)
            ? enabled
            : throw new StartupRefusedException($"{Setting} is '{value}'; set it to true or false.");
    }

    /// <summary>Rail:BaseUrl names a rail other than the embedded bank.</summary>
    public static bool HasRail(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[Rails.RailOptions.Section + ":" + nameof(Rails.RailOptions.BaseUrl)]);
}
