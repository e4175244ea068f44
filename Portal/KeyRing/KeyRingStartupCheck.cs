using Microsoft.Extensions.Options;

namespace Portal.KeyRing;

/// <summary>Says at start, outside Development, when the key ring is kept unencrypted.</summary>
internal sealed class KeyRingStartupCheck(IOptions<KeyRingOptions> options, IHostEnvironment environment,
    ILogger<KeyRingStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && options.Value.Certificate is not { IsSet: true })
        {
            logger.KeyRingUnencrypted();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
