using System.Globalization;

namespace Portal.Admin.Paging;

/// <summary>
/// How many rows a list holds, counted exactly up to <see cref="Cap"/> only: beyond it the answer is "more than", as
/// counting a history of millions would cost every page the whole history.
/// </summary>
public readonly record struct ListCount(int Value, bool IsMore)
{
    /// <summary>The most rows counted exactly.</summary>
    public const int Cap = 10_000;

    public static ListCount Of(int counted) => counted > Cap ? new(Cap, true) : new(counted, false);

    /// <summary>"No refunds", "1 refund", "42 refunds", "More than 10,000 refunds".</summary>
    public string Describe(string one, string many) => this switch
    {
        { IsMore: true } => string.Create(CultureInfo.InvariantCulture, $"More than {Value:N0} {many}"),
        { Value: 0 } => $"No {many}",
        { Value: 1 } => $"1 {one}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Value:N0} {many}"),
    };
}
