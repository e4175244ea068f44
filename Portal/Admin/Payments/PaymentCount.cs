namespace Portal.Admin.Payments;

/// <summary>
/// How many payments match: exact up to <see cref="Cap"/>, else only "more than" it. Counting a million matching rows
/// reads a million rows; counting to the cap reads at most that many, whatever the history.
/// </summary>
public readonly record struct PaymentCount(int Value, bool IsMore)
{
    public const int Cap = 10_000;

    public static PaymentCount Of(int counted) => counted > Cap ? new(Cap, true) : new(counted, false);

    public override string ToString() => (Value, IsMore) switch
    {
        (_, true) => $"More than {Value:N0} payments",
        (0, _) => "No payments",
        (1, _) => "1 payment",
        _ => $"{Value:N0} payments",
    };
}
