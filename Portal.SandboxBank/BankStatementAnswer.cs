using Portal.Domain.Common;

namespace Portal.SandboxBank;

/// <summary>
/// The signed JSON statement of an account; amounts as invariant decimal strings with exact minor digits. The range
/// asked for is echoed (the query string is not part of the signature, the answer is), so the reader can check that
/// the statement covers what it asked for.
/// </summary>
public sealed record BankStatementAnswer(
    string Account,
    string Currency,
    string Balance,
    DateTimeOffset At,
    IReadOnlyList<BankStatementAnswerLine> Entries,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    bool Complete = true)
{
    public static BankStatementAnswer From(BankStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var currency = Domain.Common.Currency.FromCode(statement.CurrencyCode);
        return new BankStatementAnswer(statement.Account, currency.Code,
            Money.FromMinorUnits(statement.BalanceMinorUnits, currency).ToAmountString(), statement.At,
            statement.Lines.Select(l => new BankStatementAnswerLine(l.TransactionId, l.Reference, l.PostedAt,
                Money.FromMinorUnits(l.AmountMinorUnits, currency).ToAmountString())).ToList(),
            statement.From, statement.To, statement.IsComplete);
    }
}
