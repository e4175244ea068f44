using Portal.Domain.Common;

namespace Portal.Rails;

/// <summary>
/// A rail that opens merchants' settlement accounts on request, as the sandbox bank does. A real acquirer opens them its
/// own way and answers <see cref="SettlementAccountOpening.NotSupported"/>: Portal then only records the number.
/// </summary>
public interface ISettlementAccountOpener
{
    /// <summary>
    /// Opens the merchant account, or finds it open already in this currency; repeating the call is safe. Throws
    /// <see cref="Domain.Rails.RailUnavailableException"/> when the rail's answer is missing or not understood.
    /// </summary>
    Task<SettlementAccountOpening> OpenSettlementAccountAsync(AccountNumber account, string holderName, Currency currency,
        CancellationToken cancellationToken = default);
}
