namespace Portal.Admin.Payments;

/// <summary>The columns the payments list sorts by in the database.</summary>
public enum PaymentSort
{
    Time,
    Amount,
    Status,
    Method,
}
