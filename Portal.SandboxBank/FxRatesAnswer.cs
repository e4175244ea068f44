namespace Portal.SandboxBank;

/// <summary>The mid rates the bank publishes (<c>GET /sandbox/bank/v1/rates</c>): each currency's value in <see cref="Base"/>.</summary>
public sealed record FxRatesAnswer(string Base, IReadOnlyList<FxRatesAnswerLine> Rates, int SpreadBasisPoints, TimeSpan QuoteLifetime);
