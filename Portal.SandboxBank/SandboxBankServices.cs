using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.SandboxBank;

/// <summary>What the bank's endpoints need, bound with <c>[AsParameters]</c>.</summary>
public sealed record SandboxBankServices(
    Bank Bank,
    BankRequestAuthenticator Authenticator,
    IOptionsMonitor<SandboxBankOptions> Options,
    TimeProvider Time,
    ILogger<Bank> Logger);
