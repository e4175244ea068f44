using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Sandbox;

/// <summary>What the bank's endpoints need, bound with <c>[AsParameters]</c>.</summary>
public sealed record SandboxBankServices(
    SandboxBank Bank,
    BankRequestAuthenticator Authenticator,
    IOptionsMonitor<SandboxBankOptions> Options,
    TimeProvider Time,
    ILogger<SandboxBank> Logger);
