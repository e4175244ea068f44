using System.Globalization;

namespace Portal.Bench;

/// <summary>
/// What a grown history looks like: the shares a merchant taking payments all day sees (most succeed, a few fail or
/// are abandoned for another method, about one in ten paid is refunded in full or in part, some payers pay from USD
/// accounts), spread evenly over <see cref="Days"/> days, with staff links, sign-ins and refund decisions in the audit log.
/// </summary>
internal static class HistoryPlan
{
    public const int Days = 90;

    public const int Seed = 18;

    public const int BatchSize = 2_000;

    public const double AbandonedShare = 0.03;

    /// <summary>Declined by the bank, or (half of the fast ones) never approved in the wallet before the code expired.</summary>
    public const double FailedShare = 0.04;

    public const double FastShare = 0.4;

    public const double CrossBorderShare = 0.08;

    /// <summary>Of the succeeded payments: about half refunded in full, half in part.</summary>
    public const double RefundedShare = 0.10;

    /// <summary>One payment link made by staff per this many payments.</summary>
    public const int LinkEvery = 50;

    public const int SignInsPerDay = 12;

    /// <summary>The shop's order number on payment <paramref name="index"/>'s checkout: "ORD-0012345".</summary>
    public static string ReferenceOf(int index) => "ORD-" + index.ToString("D7", CultureInfo.InvariantCulture);

    public static string LinkReferenceOf(int number) => "LINK-" + number.ToString("D6", CultureInfo.InvariantCulture);
}
